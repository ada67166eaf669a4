import { AppConfig, Clock, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { ProgrammesRepository } from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { reminderDates } from './task-reminder-schedule';
import { TaskReminderSweep } from './task-reminder-sweep.handler';
import { TaskRemindersRepository } from './task-reminders.repository';

const NOW = new Date('2027-03-31T10:00:00Z');
const LEAD_HOURS = 24;

describe(`${TaskRemindersRepository.name} claims and ${TaskReminderSweep.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  let rows: Rows;
  let repository: TaskRemindersRepository;
  let organization: string;
  let programme: string;
  let sent: { type: string; taskId: string; dedupeKey: string }[];
  let now: Date;

  const sweepOf = () =>
    new TaskReminderSweep(
      ds,
      {} as JobQueueService,
      repository,
      new ProgrammesRepository(ds),
      {
        notify: async (
          _em: EntityManager,
          r: { type: string; subject: { id: string }; dedupeKey: string },
        ) => {
          sent.push({ type: r.type, taskId: r.subject.id, dedupeKey: r.dedupeKey });
        },
      } as unknown as NotificationsService,
      { now: () => now } as Clock,
      { TASK_REMINDER_SWEEP_MS: 1000 } as AppConfig,
    );

  /** What TasksService writes for a due date (and state), as of `at`. */
  const setDue = async (id: string, dueDate: string | null, state = 'todo', at = now, resetSent = true) => {
    const d = reminderDates(dueDate, ['todo', 'in_progress', 'blocked'].includes(state), at, LEAD_HOURS);
    await ds.query(
      `UPDATE tasks SET due_date = $2, state = $3, due_soon_at = $4, overdue_at = $5
         ${resetSent ? ', due_soon_sent_at = NULL, overdue_sent_at = NULL' : ''} WHERE id = $1`,
      [id, dueDate, state, d.dueSoonAt, d.overdueAt],
    );
  };

  const task = async (title: string, dueDate: string | null, state = 'todo', inProgramme = programme) => {
    const id = await rows.task(inProgramme, organization, title);
    await setDue(id, dueDate, state);
    return id;
  };

  const pendingIn = async (ids: string[]) =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1::uuid[])
           AND ((due_soon_at IS NOT NULL AND due_soon_sent_at IS NULL) OR (overdue_at IS NOT NULL AND overdue_sent_at IS NULL))`,
        [ids],
      )
    )[0].n as number;

  beforeAll(async () => {
    ds = await openTestDataSource();
    rows = new Rows(ds.manager);
    repository = new TaskRemindersRepository();
    organization = await rows.organization('Legal Aid');
    programme = await rows.programme('Jobs Bridge', organization);
  });

  beforeEach(async () => {
    sent = [];
    now = NOW;
    // Each test starts with no pending reminder left by another.
    await ds.query(`UPDATE tasks SET due_soon_at = NULL, overdue_at = NULL`);
  });

  afterAll(() => ds?.destroy());

  it('claims only reminders whose time has come, oldest first, and stamps them sent', async () => {
    const overdue = await task('Late', '2027-03-20');
    const dueToday = await task('Today', '2027-03-31');
    const later = await task('Later', '2027-04-20');
    const claimed = await ds.transaction((em) => repository.claimDue(em, 'overdue', now, 10));
    expect(claimed.map((c) => c.id)).toEqual([overdue]);
    expect(claimed[0]).toMatchObject({
      title: 'Late',
      dueDate: '2027-03-20',
      state: 'todo',
      programmeId: programme,
    });
    const soon = await ds.transaction((em) => repository.claimDue(em, 'due_soon', now, 10));
    expect(soon.map((c) => c.id)).toEqual([dueToday]);
    // Stamped: a second claim finds nothing.
    expect(await ds.transaction((em) => repository.claimDue(em, 'due_soon', now, 10))).toEqual([]);
    expect(await ds.transaction((em) => repository.claimDue(em, 'overdue', now, 10))).toEqual([]);
    const [row] = await ds.query(`SELECT due_soon_sent_at, overdue_sent_at FROM tasks WHERE id = $1`, [
      later,
    ]);
    expect(row).toEqual({ due_soon_sent_at: null, overdue_sent_at: null });
  });

  it('two concurrent sweeps never claim one reminder twice nor wait on each other', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => task(`Late ${i}`, '2027-03-01')));
    const a = ds.createQueryRunner();
    const b = ds.createQueryRunner();
    await a.startTransaction();
    await b.startTransaction();
    try {
      const first = await repository.claimDue(a.manager, 'overdue', now, 20);
      // B runs while A still holds its 20 rows: it skips them rather than waiting.
      const second = await repository.claimDue(b.manager, 'overdue', now, 100);
      await a.commitTransaction();
      await b.commitTransaction();
      expect(first).toHaveLength(20);
      expect(second).toHaveLength(10);
      expect(new Set([...first, ...second].map((c) => c.id))).toEqual(new Set(ids));
    } finally {
      await a.release();
      await b.release();
    }
    // And two whole sweeps at once send each reminder once.
    const more = await Promise.all(Array.from({ length: 40 }, (_, i) => task(`Later ${i}`, '2027-03-02')));
    await Promise.all([sweepOf().sweep(), sweepOf().sweep()]);
    expect(sent.map((s) => s.taskId).sort()).toEqual([...more].sort());
    expect(await pendingIn(more)).toBe(0);
  });

  it('a moved due date re-arms both reminders, under the new date', async () => {
    const id = await task('Book the bus', '2027-03-31');
    await sweepOf().sweep();
    expect(sent).toEqual([{ type: 'task.due_soon', taskId: id, dedupeKey: `task-due:${id}:2027-03-31` }]);
    // The same date again after a restart: nothing more.
    await sweepOf().sweep();
    expect(sent).toHaveLength(1);
    await setDue(id, '2027-04-01');
    // Its due-soon time (2027-04-01T00:00Z, 24 h before the end of the day) has not come yet.
    await sweepOf().sweep();
    expect(sent).toHaveLength(1);
    now = new Date('2027-04-01T01:00:00Z');
    await sweepOf().sweep();
    expect(sent.map((s) => s.dedupeKey)).toEqual([`task-due:${id}:2027-03-31`, `task-due:${id}:2027-04-01`]);
    now = new Date('2027-04-02T00:00:00Z');
    await sweepOf().sweep();
    expect(sent.map((s) => s.dedupeKey).slice(2)).toEqual([`task-overdue:${id}:2027-04-01`]);
  });

  it('a closed task, or a task of a closed programme, never reminds', async () => {
    const done = await task('Done', '2027-03-20', 'done');
    const cancelled = await task('Cancelled', '2027-03-31');
    await setDue(cancelled, '2027-03-31', 'cancelled', now, false);
    const archived = await rows.programme('Old programme', organization);
    const inArchived = await task('In an archived programme', '2027-03-20', 'todo', archived);
    await ds.query(`UPDATE programmes SET status = 'archived' WHERE id = $1`, [archived]);
    // A task that closed after its reminder was armed, without the dates cleared: the sweep still checks.
    const closedLate = await task('Closed late', '2027-03-20');
    await ds.query(`UPDATE tasks SET state = 'done' WHERE id = $1`, [closedLate]);
    now = new Date('2027-05-01T00:00:00Z');
    await sweepOf().sweep();
    expect(sent).toEqual([]);
    expect(await pendingIn([done, cancelled, inArchived, closedLate])).toBe(0);
  });

  it('reopening a task brings back only the reminders not yet sent for its date', async () => {
    const id = await task('Reopened', '2027-03-31');
    await sweepOf().sweep();
    expect(sent.map((s) => s.type)).toEqual(['task.due_soon']);
    await setDue(id, '2027-03-31', 'done', now, false);
    await setDue(id, '2027-03-31', 'in_progress', now, false);
    now = new Date('2027-04-01T00:00:00Z');
    await sweepOf().sweep();
    expect(sent.map((s) => s.type)).toEqual(['task.due_soon', 'task.overdue']);
  });
});
