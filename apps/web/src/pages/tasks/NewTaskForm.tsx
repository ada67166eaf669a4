import { api, call } from '../../api/client';
import { Milestone, Partner } from '../../api/types';
import { InputField, SelectField, SubForm, TextAreaField, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PRIORITIES } from '../programmes/constants';

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
  const {
    values: v,
    field,
    reset,
  } = useFormValues(form, {
    title: '',
    description: '',
    assigneeOrganizationId: '',
    milestoneId: '',
    dueDate: '',
    priority: 'normal',
  });
  const createTask = async () => {
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
    reset();
    onCreated();
  };
  return (
    <SubForm form={form} title={t('task.new')} submit={t('task.create')} onSubmit={createTask}>
      <InputField label={t('task.title')} {...field('title')} />
      <TextAreaField rows={2} label={t('task.description')} {...field('description')} />
      <div className="row">
        <SelectField
          label={t('task.assignee')}
          values={working.map((x) => x.organizationId)}
          optionLabel={(id) => working.find((x) => x.organizationId === id)?.organizationName}
          blank={t('common.choose')}
          {...field('assigneeOrganizationId')}
        />
        <SelectField
          label={t('task.milestone')}
          values={milestones.map((m) => m.id)}
          optionLabel={(id) => milestones.find((m) => m.id === id)?.title}
          blank={t('common.none')}
          {...field('milestoneId')}
        />
      </div>
      <div className="row">
        <InputField type="date" label={t('task.dueDate')} {...field('dueDate')} />
        <SelectField
          label={t('task.priority')}
          values={PRIORITIES}
          labels="priority"
          {...field('priority')}
        />
      </div>
    </SubForm>
  );
}

export function NewMilestoneForm({ programmeId, onCreated }: { programmeId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const { values, field, reset } = useFormValues(form, { title: '', dueDate: '' });
  const createMilestone = async () => {
    await call(
      api.POST('/programmes/{id}/milestones', { params: { path: { id: programmeId } }, body: values }),
    );
    reset();
    onCreated();
  };
  return (
    <SubForm form={form} title={t('milestone.new')} submit={t('milestone.create')} onSubmit={createMilestone}>
      <div className="row">
        <InputField label={t('milestone.title')} {...field('title')} />
        <InputField type="date" label={t('milestone.due')} {...field('dueDate')} />
      </div>
    </SubForm>
  );
}
