import { allPages } from '../../components/PagedTable';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Page, Task, TaskComment } from '../../api/types';
import {
  Async,
  Back,
  fmtDate,
  fmtDateTime,
  PageTitle,
  StateBadge,
  useLoad,
  Card,
  AsyncList,
} from '../../components/common';
import { OverdueBadge } from '../../components/OverdueBadge';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { TASK_MOVES, moveLabel } from '../programmes/constants';
import { TaskEditor } from './TaskEditor';
import { TaskHistory } from './TaskHistory';

export function TaskPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const task = useLoad(() => call<Task>(api.GET('/tasks/{id}', { params: { path: { id } } })), [id]);
  const comments = useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<TaskComment>>(
          api.GET('/tasks/{id}/comments', { params: { path: { id }, query: { limit: 100, cursor } } }),
        ),
      ),
    [id],
  );
  const form = useApiForm();
  const moveForm = useApiForm();
  const [body, setBody] = useState('');
  return (
    <Async state={task}>
      {(x) => (
        <>
          <Back to={`/programmes/${x.programmeId}`}>{t('programme.back')}</Back>
          <PageTitle>{x.title}</PageTitle>
          <p>
            <StateBadge state={x.state} /> · {t(`priority.${x.priority}` as Key)} · {t('task.due')}{' '}
            {fmtDate(x.dueDate, lang)}
            {x.overdue && <OverdueBadge />}
          </p>
          {x.description && <p>{x.description}</p>}
          {x.blockedReason && (
            <p>
              {t('task.blockedReason')}: {x.blockedReason}
            </p>
          )}
          <FormAlert form={moveForm} />
          <div className="actions">
            {(TASK_MOVES[x.state] ?? [])
              .filter((to) => to !== 'blocked')
              .map((to) => (
                <button
                  key={to}
                  type="button"
                  disabled={moveForm.busy}
                  onClick={() =>
                    void moveForm
                      .run(async () => {
                        await call(
                          api.POST('/tasks/{id}/transitions', {
                            params: { path: { id: x.id } },
                            body: { to },
                          }),
                        );
                      })
                      .then((ok) => ok && task.reload())
                  }
                >
                  {t(moveLabel(x.state, to))}
                </button>
              ))}
          </div>
          <TaskEditor task={x} onSaved={task.reload} />
          <TaskHistory taskId={x.id} version={x.version} />
          <Card id="sec-comments" title={t('comments.title')}>
            <AsyncList state={comments} empty={t('comments.none')} ordered>
              {(c) => (
                <li key={c.id}>
                  <strong>{c.authorName}</strong>{' '}
                  <span className="muted">{fmtDateTime(c.createdAt, lang)}</span>
                  <p>{c.body}</p>
                </li>
              )}
            </AsyncList>
            <form
              noValidate
              onSubmit={form.onSubmit(async () => {
                await call(
                  api.POST('/tasks/{id}/comments', {
                    params: { path: { id: x.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                    body: { body },
                  }),
                );
                setBody('');
                comments.reload();
              })}
            >
              <FormAlert form={form} />
              <Field form={form} name="body" label={t('comments.add')} hint={t('comments.mentionHint')}>
                <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
              </Field>
              <SubmitButton form={form}>{t('comments.submit')}</SubmitButton>
            </form>
          </Card>
        </>
      )}
    </Async>
  );
}
