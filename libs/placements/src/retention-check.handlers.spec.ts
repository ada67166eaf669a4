import { AppConfig, Clock, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource, EntityManager } from 'typeorm';
import { CHECK_IN_SWEEP_SCHEDULER_ID, RetentionCheckHandlers } from './retention-check.handlers';

const NOW = new Date('2027-06-01T12:00:00Z');

describe(RetentionCheckHandlers.name, () => {
  const setup = (opened: unknown[], reminded: unknown[] = []) => {
    const em = {
      query: jest.fn(async (sql: string) => (sql.includes('WITH opened') ? opened : reminded)),
    } as unknown as EntityManager;
    const dataSource = {
      transaction: jest.fn(async (work: (em: EntityManager) => Promise<unknown>) => work(em)),
    } as unknown as DataSource;
    const jobs = { upsertScheduler: jest.fn(async () => undefined) };
    const notifications = { notify: jest.fn(async () => undefined) };
    const config = { CHECK_IN_REMINDER_SECONDS: 7 * 86_400, CHECK_IN_SWEEP_MS: 60_000 } as AppConfig;
    const clock = { now: () => NOW } as Clock;
    const sut = new RetentionCheckHandlers(
      dataSource,
      jobs as unknown as JobQueueService,
      notifications as unknown as NotificationsService,
      config,
      clock,
      {
        names: jest.fn(async (ids: string[]) => new Map(ids.map((id) => [id, id === 'org-a' ? 'A' : 'B']))),
      } as unknown as OrganizationsRepository,
    );
    return { sut, jobs, notifications, em };
  };

  it('sends one summary per organisation and day for all the check-ins it opened', async () => {
    const { sut, notifications } = setup([
      { organization_id: 'org-a', count: 39_000 },
      { organization_id: 'org-b', count: 2 },
    ]);
    await sut.sweep();
    expect(notifications.notify).toHaveBeenCalledTimes(2);
    expect(notifications.notify).toHaveBeenCalledWith(expect.anything(), {
      type: 'placement.check_in_due',
      subject: { type: 'organization', id: 'org-a' },
      recipients: { organizationIds: ['org-a'] },
      params: { count: 39_000, organizationName: 'A', dueOn: '2027-06-01' },
      dedupeKey: 'check-ins-due.org-a.2027-06-01',
      bulk: true,
    });
  });

  it('reminds once per organisation and day, and does nothing when nothing is due', async () => {
    const { sut, notifications } = setup([], [{ organization_id: 'org-a', count: 3 }]);
    await sut.sweep();
    expect(notifications.notify).toHaveBeenCalledTimes(1);
    expect(notifications.notify).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        type: 'placement.check_in_reminder',
        dedupeKey: 'check-ins-reminder.org-a.2027-06-01',
      }),
    );
    const idle = setup([], []);
    await idle.sut.sweep();
    expect(idle.notifications.notify).not.toHaveBeenCalled();
  });

  it('keeps one sweep scheduler, whatever the number of replicas', async () => {
    const { sut, jobs } = setup([]);
    await sut.scheduleSweep();
    expect(jobs.upsertScheduler).toHaveBeenCalledWith(
      CHECK_IN_SWEEP_SCHEDULER_ID,
      JobName.CheckInSweep,
      {},
      { every: 60_000 },
    );
  });
});
