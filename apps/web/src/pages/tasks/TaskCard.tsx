import { fmtDate } from '../../components/common';
import { OverdueBadge } from '../../components/OverdueBadge';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Task } from '../../api/types';
import { Field, FormAlert, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { TASK_MOVES, moveLabel } from '../programmes/constants';

export function TaskCard({
  task,
  orgName,
  canMove,
  onMoved,
}: {
  task: Task;
  orgName: string;
  canMove: boolean;
  onMoved: () => void;
}) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const [reason, setReason] = useState('');
  const [blocking, setBlocking] = useState(false);
  const move = (to: 'todo' | 'in_progress' | 'blocked' | 'done') =>
    void form
      .run(async () => {
        await call(
          api.POST('/tasks/{id}/transitions', {
            params: { path: { id: task.id } },
            body: to === 'blocked' ? { to, reason } : { to },
          }),
        );
      })
      .then((ok) => ok && onMoved());
  return (
    <li className="task-card">
      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
      <div className="muted small-text">
        {orgName} · {t(`priority.${task.priority}` as Key)}
        {task.dueDate && ` · ${t('task.due')} ${fmtDate(task.dueDate, lang)}`}
        {task.overdue && <OverdueBadge />}
      </div>
      <FormAlert form={form} />
      {canMove && (
        <div className="actions">
          {(TASK_MOVES[task.state] ?? []).map((to) =>
            to === 'blocked' && !blocking ? (
              <button key={to} type="button" className="small" onClick={() => setBlocking(true)}>
                {t('task.move.blocked')}
                <span className="visually-hidden">: {task.title}</span>
              </button>
            ) : to === 'blocked' ? null : (
              <button key={to} type="button" className="small" disabled={form.busy} onClick={() => move(to)}>
                {t(moveLabel(task.state, to))}
                <span className="visually-hidden">: {task.title}</span>
              </button>
            ),
          )}
        </div>
      )}
      {blocking && (
        <div className="subform">
          <Field form={form} name="reason" label={t('task.blockedReason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="button" className="small" onClick={() => move('blocked')}>
            {t('task.move.blocked')}
          </button>
        </div>
      )}
    </li>
  );
}
