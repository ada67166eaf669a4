import { useState } from 'react';
import { api, call } from '../../api/client';
import { itemsOf, Page, Partner, Programme, Task } from '../../api/types';
import { isAdmin, useMe } from '../../auth';
import { Card, useLoad } from '../../components/common';
import { ApiForm, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PRIORITIES } from '../programmes/constants';
import { TaskFields } from './NewTaskForm';

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
  const values = useFormValues(form, {
    title: task.title,
    description: task.description,
    assigneeOrganizationId: task.assigneeOrganizationId,
    dueDate: task.dueDate ?? '',
    priority: task.priority,
  });
  const v = values.values;
  if (!context.data) return null;
  const manager =
    isAdmin(me) ||
    me.memberships.some(
      (m) => m.organizationId === context.data!.programme.leadOrganizationId && m.role === 'org_admin',
    );
  if (!manager || task.state === 'cancelled') return null;
  return (
    <Card id="sec-edit-task" title={t('task.edit')}>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('task.edit')}
        </button>
      ) : (
        <ApiForm
          form={form}
          submit={t('common.save')}
          actions={
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          }
          onSubmit={async () => {
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
          }}
        >
          <TaskFields values={values} partners={context.data.partners} />
        </ApiForm>
      )}
    </Card>
  );
}
