import { AppConfig, Clock, dataSourceOver, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { CheckInsRepository, OrganisationCount } from './check-ins.repository';
import { CHECK_IN_SWEEP_SCHEDULER_ID, RetentionCheckHandlers, SWEEP_BATCH } from './retention-check.handlers';

const NOW = new Date('2027-06-01T12:00:00Z');

describe(RetentionCheckHandlers.name, () => {
  /** `opened` and `reminded`: what each successive batch marks; `rest`: what is still waiting after a batch. */
  const setup = (
    opened: OrganisationCount[][],
    reminded: OrganisationCount[][] = [],
    rest: OrganisationCount[] = [],
  ) => {
    const em = {} as EntityManager;
    const { dataSource, transactions } = dataSourceOver(em);
    const checkIns = {
      openDueBatch: jest.fn(async () => opened.shift() ?? []),
      remindBatch: jest.fn(async () => reminded.shift() ?? []),
      stillDue: jest.fn(async () => rest),
      stillToRemind: jest.fn(async () => rest),
    };
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
      checkIns as unknown as CheckInsRepository,
    );
    return { sut, jobs, notifications, checkIns, transactions };
  };

  it('sends one summary per organisation and day for all the check-ins it opened', async () => {
    const { sut, notifications } = setup([
      [
        { organization_id: 'org-a', count: 39 },
        { organization_id: 'org-b', count: 2 },
      ],
    ]);
    await sut.sweep();
    expect(notifications.notify).toHaveBeenCalledTimes(2);
    expect(notifications.notify).toHaveBeenCalledWith(expect.anything(), {
      type: 'placement.check_in_due',
      subject: { type: 'organization', id: 'org-a' },
      recipients: { organizationIds: ['org-a'] },
      params: { count: 39, organizationName: 'A', dueOn: '2027-06-01' },
      dedupeKey: 'check-ins-due.org-a.2027-06-01',
      bulk: true,
    });
  });

  it('works a large backlog in batches, each marked and announced in its own transaction, counting the whole backlog in the summary', async () => {
    const { sut, notifications, checkIns, transactions } = setup(
      [[{ organization_id: 'org-a', count: SWEEP_BATCH }], [{ organization_id: 'org-a', count: 7 }]],
      [],
      [{ organization_id: 'org-a', count: 7 }],
    );
    await sut.sweep();
    // Two batches of the open step (the second one short, so the step ends), one empty reminder batch.
    expect(checkIns.openDueBatch).toHaveBeenCalledTimes(2);
    expect(checkIns.openDueBatch).toHaveBeenCalledWith(expect.anything(), '2027-06-01', SWEEP_BATCH);
    expect(checkIns.remindBatch).toHaveBeenCalledTimes(1);
    expect(transactions).toEqual(['begin', 'commit', 'begin', 'commit', 'begin', 'commit']);
    // Each batch writes the day's summary under the same dedupe key: the fan-out keeps the first.
    const calls = notifications.notify.mock.calls as unknown as [
      unknown,
      { dedupeKey: string; params: { count: number } },
    ][];
    expect(calls.map(([, r]) => r.dedupeKey)).toEqual([
      'check-ins-due.org-a.2027-06-01',
      'check-ins-due.org-a.2027-06-01',
    ]);
    expect(calls[0][1].params.count).toBe(SWEEP_BATCH + 7);
  });

  it('reminds once per organisation and day, and does nothing when nothing is due', async () => {
    const { sut, notifications } = setup([], [[{ organization_id: 'org-a', count: 3 }]]);
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
