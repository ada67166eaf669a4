import { AppConfig, Clock, dataSourceOver, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import {
  AGREEMENT_REMINDER_SWEEP_SCHEDULER_ID,
  AGREEMENT_SWEEP_BATCH,
  AgreementReminderSweep,
} from './agreement-reminder-sweep.handler';
import { AgreementRemindersRepository, ClaimedAgreementReminder } from './agreement-reminders.repository';

const PARTNER = '70000000-0000-4000-8000-000000000001';
const PROGRAMME = '10000000-0000-4000-8000-000000000001';
const ORG = '30000000-0000-4000-8000-000000000004';
const NOW = new Date('2027-03-31T23:30:00Z');

const claimed = (over: Partial<ClaimedAgreementReminder> = {}): ClaimedAgreementReminder => ({
  id: PARTNER,
  programmeId: PROGRAMME,
  organizationId: ORG,
  programmeTitle: 'Jobs Bridge',
  expiresOn: '2027-04-20',
  reference: 'MoU-14',
  ...over,
});

describe(AgreementReminderSweep.name, () => {
  const setup = (batches: ClaimedAgreementReminder[][]) => {
    const em = {} as EntityManager;
    const { dataSource, transactions } = dataSourceOver(em);
    const reminders = { claimDue: jest.fn(async () => batches.shift() ?? []) };
    const organizations = { names: jest.fn(async () => new Map([[ORG, 'Harbour Foods']])) };
    const notifications = { notify: jest.fn(async () => undefined) };
    const jobs = { upsertScheduler: jest.fn(async () => undefined) };
    const sut = new AgreementReminderSweep(
      dataSource,
      jobs as unknown as JobQueueService,
      reminders as unknown as AgreementRemindersRepository,
      organizations as unknown as OrganizationsRepository,
      notifications as unknown as NotificationsService,
      { now: () => NOW } as Clock,
      { AGREEMENT_REMINDER_SWEEP_MS: 60_000, AGREEMENT_REMINDER_DAYS: 30 } as AppConfig,
    );
    return { sut, em, reminders, organizations, notifications, jobs, transactions };
  };

  it('tells the managers once per expiry date, in the claim transaction', async () => {
    const { sut, em, reminders, notifications, transactions } = setup([[claimed()]]);
    await sut.sweep();
    // Due at 00:00 UTC 30 days before expiry: every date up to 30 days from now (UTC) has come.
    expect(reminders.claimDue).toHaveBeenCalledWith(em, '2027-04-30', AGREEMENT_SWEEP_BATCH);
    expect(notifications.notify).toHaveBeenCalledWith(em, {
      type: 'programme.agreement_expiring',
      subject: { type: 'programme', id: PROGRAMME },
      recipients: { programmeManagersOf: PROGRAMME },
      params: {
        organizationName: 'Harbour Foods',
        programmeTitle: 'Jobs Bridge',
        expiresOn: '2027-04-20',
        reference: 'MoU-14',
      },
      dedupeKey: `agreement-expiring:${PARTNER}:2027-04-20`,
    });
    expect(transactions).toEqual(['begin', 'commit']);
  });

  it('works through a backlog in batches, one transaction each, until a batch is short', async () => {
    const full = Array.from({ length: AGREEMENT_SWEEP_BATCH }, (_, i) =>
      claimed({ id: `70000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
    );
    const { sut, reminders, notifications, transactions } = setup([full, []]);
    await sut.sweep();
    expect(reminders.claimDue).toHaveBeenCalledTimes(2);
    expect(transactions.filter((t) => t === 'begin')).toHaveLength(2);
    expect(notifications.notify).toHaveBeenCalledTimes(AGREEMENT_SWEEP_BATCH);
  });

  it('keeps one sweep scheduler, whatever the number of replicas', async () => {
    const { sut, jobs } = setup([]);
    await sut.schedule();
    expect(jobs.upsertScheduler).toHaveBeenCalledWith(
      AGREEMENT_REMINDER_SWEEP_SCHEDULER_ID,
      JobName.AgreementReminderSweep,
      {},
      { every: 60_000 },
    );
  });

  it('ignores the legacy per-partner jobs still in a Redis from before the sweep', async () => {
    const { sut, reminders, notifications } = setup([]);
    await sut.ignoreLegacySchedule({ partnerId: PARTNER });
    await sut.ignoreLegacyExpiring({ partnerId: PARTNER, expiresOn: '2027-04-20' });
    expect(reminders.claimDue).not.toHaveBeenCalled();
    expect(notifications.notify).not.toHaveBeenCalled();
  });
});
