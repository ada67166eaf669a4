import { useState } from 'react';
import { api, call } from '../../api/client';
import { Milestone, Partner } from '../../api/types';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PRIORITIES } from '../programmes/constants';
import { EnumSelect } from '../../components/EnumSelect';

export function NewTaskForm({
  programmeId,
  partners,
  milestones,
  onCreated,
}: {
  programmeId: string;
  partners: Partner[];
  milestones: Milestone[];
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const working = partners.filter((x) => x.status === 'active' && x.role !== 'observer');
  const empty = {
    title: '',
    description: '',
    assigneeOrganizationId: '',
    milestoneId: '',
    dueDate: '',
    priority: 'normal',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <form
      noValidate
      className="subform"
      aria-labelledby="new-task"
      onSubmit={form.onSubmit(async () => {
        await call(
          api.POST('/programmes/{id}/tasks', {
            params: { path: { id: programmeId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
            body: {
              title: v.title,
              description: v.description || undefined,
              assigneeOrganizationId: v.assigneeOrganizationId,
              milestoneId: v.milestoneId || undefined,
              dueDate: v.dueDate || undefined,
              priority: v.priority as (typeof PRIORITIES)[number],
            },
          }),
        );
        setV(empty);
        onCreated();
      })}
    >
      <h3 id="new-task">{t('task.new')}</h3>
      <FormAlert form={form} />
      <Field form={form} name="title" label={t('task.title')}>
        <input value={v.title} onChange={change('title')} />
      </Field>
      <Field form={form} name="description" label={t('task.description')}>
        <textarea rows={2} value={v.description} onChange={change('description')} />
      </Field>
      <div className="row">
        <Field form={form} name="assigneeOrganizationId" label={t('task.assignee')}>
          <EnumSelect
            values={working.map((x) => x.organizationId)}
            label={(id) => working.find((x) => x.organizationId === id)?.organizationName}
            blank={t('common.choose')}
            value={v.assigneeOrganizationId}
            onChange={change('assigneeOrganizationId')}
          />
        </Field>
        <Field form={form} name="milestoneId" label={t('task.milestone')}>
          <EnumSelect
            values={milestones.map((m) => m.id)}
            label={(id) => milestones.find((m) => m.id === id)?.title}
            blank={t('common.none')}
            value={v.milestoneId}
            onChange={change('milestoneId')}
          />
        </Field>
      </div>
      <div className="row">
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
      <SubmitButton form={form}>{t('task.create')}</SubmitButton>
    </form>
  );
}

export function NewMilestoneForm({ programmeId, onCreated }: { programmeId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  return (
    <form
      noValidate
      className="subform"
      aria-labelledby="new-milestone"
      onSubmit={form.onSubmit(async () => {
        await call(
          api.POST('/programmes/{id}/milestones', {
            params: { path: { id: programmeId } },
            body: { title, dueDate },
          }),
        );
        setTitle('');
        setDueDate('');
        onCreated();
      })}
    >
      <h3 id="new-milestone">{t('milestone.new')}</h3>
      <FormAlert form={form} />
      <div className="row">
        <Field form={form} name="title" label={t('milestone.title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field form={form} name="dueDate" label={t('milestone.due')}>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
      </div>
      <SubmitButton form={form}>{t('milestone.create')}</SubmitButton>
    </form>
  );
}
