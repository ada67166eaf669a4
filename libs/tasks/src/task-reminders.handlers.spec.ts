import { AppConfig, Clock, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { ProgrammesRepository } from '@tandem/programmes';
import { TaskReminderHandlers } from './task-reminders.handlers';
import { TasksRepository } from './tasks.repository';

const TASK = '20000000-0000-4000-8000-000000000002';
const ORG = '30000000-0000-4000-8000-000000000004';
const USER = '40000000-0000-4000-8000-000000000007';
const NOW = new Date('2027-03-30T10:00:00Z');

const row = (over: Record<string, unknown> = {}) => ({
  id: TASK,
  title: 'Book the venue',
  state: 'in_progress',
  due_date: '2027-03-31',
  assignee_organization_id: ORG,
  assignee_user_id: null,
  programme_title: 'Jobs Bridge',
  programme_status: 'active',
  ...over,
});

describe(TaskReminderHandlers.name, () => {
  let sut: TaskReminderHandlers;
  let rows: Record<string, unknown>[][];
  let jobs: { enqueue: jest.Mock; queue: jest.Mock };
  let queued: Map<string, { getState: jest.Mock; remove: jest.Mock }>;
  let notify: jest.Mock;

  beforeEach(() => {
    rows = [];
    queued = new Map();
    jobs = {
      enqueue: jest.fn(async () => undefined),
      queue: jest.fn(() => ({ getJob: async (id: string) => queued.get(id) })),
    };
    notify = jest.fn(async () => undefined);
    const dataSource = {
      query: jest.fn(async () => rows.shift() ?? []),
      transaction: (work: (em: unknown) => Promise<unknown>) => work('em'),
    } as unknown as DataSource;
    // The handler reads the task and its programme through the two repositories; each `rows` entry
    // is what one load finds.
    let current: Record<string, unknown> | undefined;
    const tasks = {
      findById: jest.fn(async () => {
        current = rows.shift()?.[0];
        return (
          current && {
            id: current.id,
            title: current.title,
            state: current.state,
            dueDate: current.due_date,
            assigneeOrganizationId: current.assignee_organization_id,
            assigneeUserId: current.assignee_user_id,
            programmeId: 'programme',
          }
        );
      }),
    };
    const programmes = {
      findById: jest.fn(
        async () => current && { title: current.programme_title, status: current.programme_status },
      ),
    };
    sut = new TaskReminderHandlers(
      dataSource,
      tasks as unknown as TasksRepository,
      programmes as unknown as ProgrammesRepository,
      jobs as unknown as JobQueueService,
      { notify } as unknown as NotificationsService,
      { TASK_DUE_REMINDER_HOURS: 24 } as AppConfig,
      { now: () => NOW } as Clock,
    );
  });

  const delayedJob = () => ({
    getState: jest.fn(async () => 'delayed'),
    remove: jest.fn(async () => undefined),
  });

  it('schedules "due soon" and "overdue" with ids that carry the due date', async () => {
    rows = [[row()]];
    await sut.schedule({ taskId: TASK });
    expect(jobs.enqueue.mock.calls).toEqual([
      [
        JobName.TaskDueSoon,
        { taskId: TASK, dueDate: '2027-03-31' },
        `task-due:${TASK}:2027-03-31`,
        14 * 3_600_000,
      ],
      [
        JobName.TaskOverdue,
        { taskId: TASK, dueDate: '2027-03-31' },
        `task-overdue:${TASK}:2027-03-31`,
        38 * 3_600_000,
      ],
    ]);
  });

  it('drops the delayed reminders of the previous due date, then schedules the new one', async () => {
    const old = delayedJob();
    queued.set(`task-due:${TASK}:2027-03-15`, old);
    rows = [[row({ due_date: '2027-09-30' })], [row({ due_date: '2027-09-30' })]];
    await sut.schedule({ taskId: TASK, previousDueDate: '2027-03-15' });
    expect(old.remove).toHaveBeenCalled();
    expect(jobs.enqueue.mock.calls.map((c) => c[2])).toEqual([
      `task-due:${TASK}:2027-09-30`,
      `task-overdue:${TASK}:2027-09-30`,
    ]);
  });

  it('drops the reminders of a finished task and schedules none', async () => {
    const pending = delayedJob();
    queued.set(`task-overdue:${TASK}:2027-03-31`, pending);
    rows = [[row({ state: 'done' })], [row({ state: 'done' })]];
    await sut.schedule({ taskId: TASK });
    expect(pending.remove).toHaveBeenCalled();
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('puts the reminders back when the task was reopened while they were being dropped', async () => {
    rows = [[row({ state: 'done' })], [row({ state: 'in_progress' })]];
    await sut.schedule({ taskId: TASK });
    expect(jobs.enqueue).toHaveBeenCalledTimes(2);
  });

  it('reminds the named assignee once, keyed by the job id', async () => {
    rows = [[row({ assignee_user_id: USER })]];
    await sut.dueSoon({ taskId: TASK, dueDate: '2027-03-31' });
    expect(notify).toHaveBeenCalledWith('em', {
      type: 'task.due_soon',
      subject: { type: 'task', id: TASK },
      recipients: { userIds: [USER] },
      params: { taskTitle: 'Book the venue', dueDate: '2027-03-31', programmeTitle: 'Jobs Bridge' },
      dedupeKey: `task-due:${TASK}:2027-03-31`,
    });
  });

  it('tells the whole assignee organisation when no person is named', async () => {
    rows = [[row()]];
    await sut.overdue({ taskId: TASK, dueDate: '2027-03-31' });
    expect(notify.mock.calls[0][1]).toMatchObject({
      type: 'task.overdue',
      recipients: { organizationIds: [ORG] },
      dedupeKey: `task-overdue:${TASK}:2027-03-31`,
    });
  });

  it.each([
    ['the due date moved', row({ due_date: '2027-04-30' })],
    ['the task is done', row({ state: 'done' })],
    ['the task is cancelled', row({ state: 'cancelled' })],
    ['the programme is archived', row({ programme_status: 'archived' })],
  ])('does nothing when %s', async (_, current) => {
    rows = [[current], [current]];
    await sut.dueSoon({ taskId: TASK, dueDate: '2027-03-31' });
    await sut.overdue({ taskId: TASK, dueDate: '2027-03-31' });
    expect(notify).not.toHaveBeenCalled();
  });

  it('does nothing for a task that no longer exists', async () => {
    await sut.overdue({ taskId: TASK, dueDate: '2027-03-31' });
    await sut.schedule({ taskId: TASK });
    expect(notify).not.toHaveBeenCalled();
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('leaves "due soon" to "overdue" once the due date is past', async () => {
    rows = [[row({ due_date: '2027-03-29' })]];
    await sut.dueSoon({ taskId: TASK, dueDate: '2027-03-29' });
    expect(notify).not.toHaveBeenCalled();
  });
});
