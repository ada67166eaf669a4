import { AppConfig, Clock, dataSourceOver, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { ProgrammeStatus, ProgrammesRepository } from '@tandem/programmes';
import { EntityManager } from 'typeorm';
import { TaskState } from './entities';
import {
  REMINDER_SWEEP_BATCH,
  TASK_REMINDER_SWEEP_SCHEDULER_ID,
  TaskReminderSweep,
} from './task-reminder-sweep.handler';
import { ClaimedReminder, TaskRemindersRepository } from './task-reminders.repository';
import { ReminderKind } from './task-reminder-schedule';

const TASK = '20000000-0000-4000-8000-000000000002';
const ORG = '30000000-0000-4000-8000-000000000004';
const USER = '40000000-0000-4000-8000-000000000007';
const PROGRAMME = '10000000-0000-4000-8000-000000000001';
const CLOSED_PROGRAMME = '10000000-0000-4000-8000-000000000009';
const NOW = new Date('2027-03-31T10:00:00Z');

const claimed = (over: Partial<ClaimedReminder> = {}): ClaimedReminder => ({
  id: TASK,
  title: 'Book the venue',
  state: TaskState.InProgress,
  dueDate: '2027-03-31',
  programmeId: PROGRAMME,
  assigneeOrganizationId: ORG,
  assigneeUserId: null,
  ...over,
});

describe(TaskReminderSweep.name, () => {
  /** What each successive claim of a kind returns. */
  const setup = (batches: Partial<Record<ReminderKind, ClaimedReminder[][]>>, now = NOW) => {
    const em = {} as EntityManager;
    const { dataSource, transactions } = dataSourceOver(em);
    const reminders = {
      claimDue: jest.fn(async (_em: EntityManager, kind: ReminderKind) => batches[kind]?.shift() ?? []),
    };
    const programmes = {
      titlesAndStatuses: jest.fn(
        async () =>
          new Map([
            [PROGRAMME, { title: 'Jobs Bridge', status: ProgrammeStatus.Active }],
            [CLOSED_PROGRAMME, { title: 'Old', status: ProgrammeStatus.Archived }],
          ]),
      ),
    };
    const jobs = { upsertScheduler: jest.fn(async () => undefined) };
    const notifications = { notify: jest.fn(async () => undefined) };
    const sut = new TaskReminderSweep(
      dataSource,
      jobs as unknown as JobQueueService,
      reminders as unknown as TaskRemindersRepository,
      programmes as unknown as ProgrammesRepository,
      notifications as unknown as NotificationsService,
      { now: () => now } as Clock,
      { TASK_REMINDER_SWEEP_MS: 30_000 } as AppConfig,
    );
    return { sut, em, jobs, reminders, notifications, transactions };
  };

  it('tells the named assignee that the task is due soon, once per due date, in the claim transaction', async () => {
    const { sut, em, reminders, notifications, transactions } = setup({
      due_soon: [[claimed({ assigneeUserId: USER })]],
    });
    await sut.sweep();
    expect(reminders.claimDue).toHaveBeenCalledWith(em, 'due_soon', NOW, REMINDER_SWEEP_BATCH);
    expect(notifications.notify).toHaveBeenCalledTimes(1);
    expect(notifications.notify).toHaveBeenCalledWith(em, {
      type: 'task.due_soon',
      subject: { type: 'task', id: TASK },
      recipients: { userIds: [USER] },
      params: { taskTitle: 'Book the venue', dueDate: '2027-03-31', programmeTitle: 'Jobs Bridge' },
      dedupeKey: `task-due:${TASK}:2027-03-31`,
    });
    expect(transactions).toEqual(['begin', 'commit', 'begin', 'commit']);
  });

  it('tells the whole assignee organisation when no person is named', async () => {
    const { sut, notifications } = setup({ overdue: [[claimed()]] });
    await sut.sweep();
    expect(notifications.notify).toHaveBeenCalledWith(expect.anything(), {
      type: 'task.overdue',
      subject: { type: 'task', id: TASK },
      recipients: { organizationIds: [ORG] },
      params: { taskTitle: 'Book the venue', dueDate: '2027-03-31', programmeTitle: 'Jobs Bridge' },
      dedupeKey: `task-overdue:${TASK}:2027-03-31`,
    });
  });

  it('claims but tells no one about a closed task, a closed programme, or a "due soon" already overdue', async () => {
    const late = new Date('2027-04-01T00:00:01Z');
    const { sut, reminders, notifications } = setup(
      {
        due_soon: [[claimed()]],
        overdue: [
          [
            claimed({ state: TaskState.Done }),
            claimed({ state: TaskState.Cancelled }),
            claimed({ programmeId: CLOSED_PROGRAMME }),
          ],
        ],
      },
      late,
    );
    await sut.sweep();
    expect(reminders.claimDue).toHaveBeenCalledWith(
      expect.anything(),
      'due_soon',
      late,
      REMINDER_SWEEP_BATCH,
    );
    expect(notifications.notify).not.toHaveBeenCalled();
  });

  it('works through a backlog in batches, one transaction each, until a batch is short', async () => {
    const full = Array.from({ length: REMINDER_SWEEP_BATCH }, (_, i) =>
      claimed({ id: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
    );
    const { sut, reminders, notifications, transactions } = setup({ overdue: [full, [claimed()]] });
    await sut.sweep();
    // due soon: one empty claim; overdue: a full batch, then a short one.
    expect(reminders.claimDue).toHaveBeenCalledTimes(3);
    expect(transactions.filter((t) => t === 'begin')).toHaveLength(3);
    expect(notifications.notify).toHaveBeenCalledTimes(REMINDER_SWEEP_BATCH + 1);
  });

  it('keeps one sweep scheduler, whatever the number of replicas', async () => {
    const { sut, jobs } = setup({});
    await sut.schedule();
    expect(jobs.upsertScheduler).toHaveBeenCalledWith(
      TASK_REMINDER_SWEEP_SCHEDULER_ID,
      JobName.TaskReminderSweep,
      {},
      { every: 30_000 },
    );
  });

  it('ignores the legacy per-task jobs still in a Redis from before the sweep', async () => {
    const { sut, reminders, notifications } = setup({});
    await sut.ignoreLegacySchedule({ taskId: TASK });
    await sut.ignoreLegacyDueSoon({ taskId: TASK, dueDate: '2027-03-31' });
    await sut.ignoreLegacyOverdue({ taskId: TASK, dueDate: '2027-03-31' });
    expect(reminders.claimDue).not.toHaveBeenCalled();
    expect(notifications.notify).not.toHaveBeenCalled();
  });
});
