import { api, call } from '../../api/client';
import { Milestone, Partner } from '../../api/types';
import {
  BoundField,
  FormValues,
  InputField,
  OrganizationField,
  SelectField,
  SubForm,
  TextAreaField,
  useFormValues,
} from '../../form-fields';
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
  const values = useFormValues(form, {
    title: '',
    description: '',
    assigneeOrganizationId: '',
    milestoneId: '',
    dueDate: '',
    priority: 'normal',
  });
  const { values: v, reset } = values;
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
      <TaskFields
        values={values}
        partners={partners}
        milestone={{ choices: milestones, field: values.field('milestoneId') }}
      />
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

/** What a task's fields hold (`useFormValues`). */
export type TaskValues = {
  title: string;
  description: string;
  assigneeOrganizationId: string;
  dueDate: string;
  priority: string;
};

/**
 * A task's fields, as creating and editing one ask them: the assignee among the partners who work
 * on the programme, and, when `milestone` is given (creating), a milestone on the assignee's row.
 */
export function TaskFields({
  values: { field },
  partners,
  milestone,
}: {
  values: FormValues<TaskValues>;
  partners: Partner[];
  milestone?: { choices: Milestone[]; field: BoundField };
}) {
  const { t } = useI18n();
  const working = partners.filter((x) => x.status === 'active' && x.role !== 'observer');
  const assignee = (
    <OrganizationField
      label={t('task.assignee')}
      organizations={working}
      blank={milestone && t('common.choose')}
      {...field('assigneeOrganizationId')}
    />
  );
  const dueAndPriority = (
    <>
      <InputField type="date" label={t('task.dueDate')} {...field('dueDate')} />
      <SelectField label={t('task.priority')} values={PRIORITIES} labels="priority" {...field('priority')} />
    </>
  );
  return (
    <>
      <InputField label={t('task.title')} {...field('title')} />
      <TextAreaField rows={2} label={t('task.description')} {...field('description')} />
      {milestone ? (
        <>
          <div className="row">
            {assignee}
            <SelectField
              label={t('task.milestone')}
              values={milestone.choices.map((m) => m.id)}
              optionLabel={(id) => milestone.choices.find((m) => m.id === id)?.title}
              blank={t('common.none')}
              {...milestone.field}
            />
          </div>
          <div className="row">{dueAndPriority}</div>
        </>
      ) : (
        <div className="row">
          {assignee}
          {dueAndPriority}
        </div>
      )}
    </>
  );
}
