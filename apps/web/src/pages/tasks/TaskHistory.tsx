import { allPages } from '../../components/PagedTable';
import { api, call } from '../../api/client';
import { HistoryEntry, Page } from '../../api/types';
import { Async, fmtDateTime, useLoad, Card } from '../../components/common';
import { useI18n } from '../../i18n';

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Who changed what and when, from the audit trail (reloaded when the task's version moves). */
export function TaskHistory({ taskId, version }: { taskId: string; version: number }) {
  const { t, lang } = useI18n();
  const history = useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<HistoryEntry>>(
          api.GET('/tasks/{id}/history', { params: { path: { id: taskId }, query: { limit: 100, cursor } } }),
        ),
      ),
    [taskId, version],
  );
  return (
    <Card id="sec-history" title={t('history.title')}>
      <Async state={history}>
        {(items) => (
          <ol className="list">
            {items.map((h) => (
              <li key={h.id}>
                <span className="muted">{fmtDateTime(h.occurredAt, lang)}</span> ·{' '}
                {h.actorName ?? t('history.system')} ·{' '}
                {h.entityType === 'task_comment' ? t('history.comment') : h.action}
                {h.entityType === 'task' &&
                  h.action === 'update' &&
                  Object.keys(h.changes ?? {}).length > 0 && (
                    <ul>
                      {Object.entries(h.changes)
                        .filter(([field]) => field !== 'completedAt')
                        .map(([field, c]) => (
                          <li key={field}>
                            {field}: {shown(c.before)} → {shown(c.after)}
                          </li>
                        ))}
                    </ul>
                  )}
              </li>
            ))}
          </ol>
        )}
      </Async>
    </Card>
  );
}
