import { AppConfig, Clock, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { CheckInsRepository } from './check-ins.repository';
import { PlacementAccessService } from './placement-access.service';
import { RetentionCheckHandlers } from './retention-check.handlers';

const NOW = new Date('2027-06-01T12:00:00Z');

describe(RetentionCheckHandlers.name, () => {
  const setup = (
    rows: { update: unknown[]; check: unknown[] },
    scheduled: unknown[] = [
      { months: 3, due_on: '2027-03-01', status: 'scheduled' },
      { months: 12, due_on: '2027-12-01', status: 'scheduled' },
    ],
  ) => {
    const em = {
      query: jest.fn(async (sql: string) =>
        sql.trimStart().startsWith('UPDATE') ? [rows.update, rows.update.length] : rows.check,
      ),
    } as unknown as EntityManager;
    const dataSource = {
      query: jest.fn(async () => scheduled),
      transaction: jest.fn(async (work: (em: EntityManager) => Promise<unknown>) => work(em)),
    } as unknown as DataSource;
    const delayed = { getState: jest.fn(async () => 'delayed'), remove: jest.fn(async () => undefined) };
    const getJob = jest.fn(async (_id: string) => delayed);
    const jobs = { enqueue: jest.fn(async () => undefined), queue: jest.fn(() => ({ getJob })) };
    const notifications = { notify: jest.fn(async () => undefined) };
    const config = { CHECK_IN_REMINDER_SECONDS: 7 * 86_400 } as AppConfig;
    const clock = { now: () => NOW } as Clock;
    const sut = new RetentionCheckHandlers(
      dataSource,
      jobs as unknown as JobQueueService,
      notifications as unknown as NotificationsService,
      config,
      clock,
      // The real repository over the mocked connection: these cases read and update no scoped rows.
      new CheckInsRepository(dataSource, {} as PlacementAccessService),
    );
    return { sut, jobs, notifications, getJob, delayed };
  };

  const due = (over: Record<string, unknown> = {}) => ({
    id: 'c1',
    months: 3,
    due_on: '2027-03-01',
    status: 'due',
    opened_at: NOW,
    employer_organization_id: 'org-a',
    job_title: 'Cook',
    reference_code: 'TP-AAAAAAAA',
    ...over,
  });

  it('schedules each check-in with a deterministic id; a past date fires at once', async () => {
    const { sut, jobs } = setup({ update: [], check: [] });
    await sut.schedule({ placementId: 'p1' });
    expect(jobs.enqueue).toHaveBeenCalledWith(
      JobName.CheckInDue,
      { placementId: 'p1', months: 3 },
      'checkin:p1:3',
      0,
    );
    expect(jobs.enqueue).toHaveBeenCalledWith(
      JobName.CheckInDue,
      { placementId: 'p1', months: 12 },
      'checkin:p1:12',
      Date.parse('2027-12-01T00:00:00Z') - NOW.getTime(),
    );
  });

  it('drops the delayed jobs of check-ins cancelled because the placement ended', async () => {
    const { sut, jobs, getJob, delayed } = setup({ update: [], check: [] }, [
      { months: 6, due_on: '2027-06-01', status: 'cancelled' },
    ]);
    await sut.schedule({ placementId: 'p1' });
    expect(getJob.mock.calls.map((c) => c[0])).toEqual(['checkin:p1:6', 'checkin-reminder:p1:6']);
    expect(delayed.remove).toHaveBeenCalledTimes(2);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('opening tells the employer once and schedules one reminder seven days later', async () => {
    const { sut, jobs, notifications } = setup({ update: [{ id: 'c1' }], check: [due()] });
    await sut.open({ placementId: 'p1', months: 3 }, { jobId: 'checkin:p1:3' });
    expect(notifications.notify).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        type: 'placement.check_in_due',
        recipients: { organizationIds: ['org-a'] },
        dedupeKey: 'checkin:p1:3',
      }),
    );
    expect(jobs.enqueue).toHaveBeenCalledWith(
      JobName.CheckInReminder,
      { placementId: 'p1', months: 3 },
      'checkin-reminder:p1:3',
      7 * 86_400_000,
    );
  });

  it('does nothing for a check-in cancelled or answered meanwhile', async () => {
    for (const status of ['cancelled', 'answered']) {
      const { sut, jobs, notifications } = setup({ update: [], check: [due({ status })] });
      await sut.open({ placementId: 'p1', months: 3 }, { jobId: 'checkin:p1:3' });
      expect(notifications.notify).not.toHaveBeenCalled();
      expect(jobs.enqueue).not.toHaveBeenCalled();
    }
  });

  it('reminds only a check-in still due and never reminded', async () => {
    const answered = setup({ update: [], check: [due()] });
    await answered.sut.remind({ placementId: 'p1', months: 3 }, { jobId: 'r' });
    expect(answered.notifications.notify).not.toHaveBeenCalled();
    const open = setup({ update: [{ id: 'c1' }], check: [due()] });
    await open.sut.remind({ placementId: 'p1', months: 3 }, { jobId: 'checkin-reminder:p1:3' });
    expect(open.notifications.notify).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ type: 'placement.check_in_reminder', dedupeKey: 'checkin-reminder:p1:3' }),
    );
  });
});
