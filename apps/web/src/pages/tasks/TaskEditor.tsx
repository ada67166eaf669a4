import { useState } from 'react';
import { api, call } from '../../api/client';
import { itemsOf, Page, Partner, Programme, Task } from '../../api/types';
import { isAdmin, useMe } from '../../auth';
import { useLoad } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PRIORITIES } from '../programmes/constants';
import { EnumSelect } from '../../components/EnumSelect';

/**
 * Managers edit a task (title, description, assignee, due date, priority). The edit carries the
 * version read (If-Match): if someone changed the task meanwhile the API answers 412 and the form
 * says so instead of overwriting their change.
 */
export function TaskEditor({ task, onSaved }: { task: Task; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const context = useLoad(async () => {
    const path = { path: { id: task.programmeId } };
    const [programme, partners] = await Promise.all([
      call<Programme>(api.GET('/programmes/{id}', { params: path })),
      call<Partner[] | Page<Partner>>(api.GET('/programmes/{id}/partners', { params: path })),
    ]);
    return { programme, partners: itemsOf(partners) };
  }, [task.programmeId]);
  const form = useApiForm();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    title: task.title,
    description: task.description,
    assigneeOrganizationId: task.assigneeOrganizationId,
    dueDate: task.dueDate ?? '',
    priority: task.priority,
  });
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  if (!context.data) return null;
  const manager =
    isAdmin(me) ||
    me.memberships.some(
      (m) => m.organizationId === context.data!.programme.leadOrganizationId && m.role === 'org_admin',
    );
  if (!manager || task.state === 'cancelled') return null;
  return (
    <section className="card" aria-labelledby="sec-edit-task">
      <h2 id="sec-edit-task">{t('task.edit')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('task.edit')}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            await call(
              api.PATCH('/tasks/{id}', {
                params: { path: { id: task.id }, header: { 'If-Match': `"${task.version}"` } },
                // Only what changed; an emptied due date is cleared (null).
                body: {
                  ...(v.title !== task.title && { title: v.title }),
                  ...(v.description !== task.description && { description: v.description }),
                  ...(v.assigneeOrganizationId !== task.assigneeOrganizationId && {
                    assigneeOrganizationId: v.assigneeOrganizationId,
                  }),
                  ...(v.dueDate !== (task.dueDate ?? '') && {
                    dueDate: v.dueDate || (null as unknown as undefined),
                  }),
                  ...(v.priority !== task.priority && {
                    priority: v.priority as (typeof PRIORITIES)[number],
                  }),
                },
              }),
            );
            setOpen(false);
            onSaved();
          })}
        >
          <FormAlert form={form} />
          <Field form={form} name="title" label={t('task.title')}>
            <input value={v.title} onChange={change('title')} />
          </Field>
          <Field form={form} name="description" label={t('task.description')}>
            <textarea rows={2} value={v.description} onChange={change('description')} />
          </Field>
          <div className="row">
            <Field form={form} name="assigneeOrganizationId" label={t('task.assignee')}>
              <select value={v.assigneeOrganizationId} onChange={change('assigneeOrganizationId')}>
                {context.data.partners
                  .filter((x) => x.status === 'active' && x.role !== 'observer')
                  .map((x) => (
                    <option key={x.organizationId} value={x.organizationId}>
                      {x.organizationName}
                    </option>
                  ))}
              </select>
            </Field>
            <Field form={form} name="dueDate" label={t('task.dueDate')}>
              <input type="date" value={v.dueDate} onChange={change('dueDate')} />
            </Field>
            <Field form={form} name="priority" label={t('task.priority')}>
              <EnumSelect
                values={PRIORITIES}
                labels="priority"
                value={v.priority}
                onChange={change('priority')}
              />
            </Field>
          </div>
          <div className="actions">
            <SubmitButton form={form}>{t('common.save')}</SubmitButton>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
