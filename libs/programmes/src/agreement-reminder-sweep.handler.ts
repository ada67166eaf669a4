import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  inSweepBatches,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
  RepeatingJobHandler,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource } from 'typeorm';
import { AgreementRemindersRepository } from './agreement-reminders.repository';

export const AGREEMENT_REMINDER_SWEEP_SCHEDULER_ID = 'agreement-reminder-sweep';

/** Reminders claimed per transaction: a backlog is many short transactions, not one long one. */
export const AGREEMENT_SWEEP_BATCH = 500;

const DAY_MS = 86_400_000;

/**
 * The same string as the delayed job's id before the sweep (the partner and the expiry date), so a
 * reminder one of them sent is not sent again, and a changed date reminds again.
 */
export const agreementReminderDedupeKey = (partnerId: string, expiresOn: string): string =>
  `agreement-expiring:${partnerId}:${expiresOn}`;

/**
 * The programme managers hear AGREEMENT_REMINDER_DAYS before a partnership agreement expires: the
 * date on the partner row, one repeating sweep (job scheduler `agreement-reminder-sweep`, every
 * AGREEMENT_REMINDER_SWEEP_MS, one whatever the number of replicas), no job per partner. Each sweep
 * claims the due reminders of active partners in batches (FOR UPDATE SKIP LOCKED), stamps them with
 * the date they remind of and writes the notifications to the outbox in the same transaction, so two
 * replicas or a retry never send one twice. A partner that is not active (invited, declined, gone)
 * is not reminded; one accepted after its reminder time is reminded at the next sweep.
 */
@Injectable()
export class AgreementReminderSweep extends RepeatingJobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobQueueService,
    private readonly reminders: AgreementRemindersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super(jobs, {
      schedulerId: AGREEMENT_REMINDER_SWEEP_SCHEDULER_ID,
      job: JobName.AgreementReminderSweep,
      everyMs: config.AGREEMENT_REMINDER_SWEEP_MS,
    });
  }

  @JobHandler(JobName.AgreementReminderSweep)
  async sweep(): Promise<void> {
    // Due at 00:00 UTC AGREEMENT_REMINDER_DAYS before the expiry date: every date up to that many
    // days from now (UTC) has come.
    const dueBy = new Date(this.clock.now().getTime() + this.config.AGREEMENT_REMINDER_DAYS * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const sent = await inSweepBatches(this.dataSource, AGREEMENT_SWEEP_BATCH, async (em) => {
      const batch = await this.reminders.claimDue(em, dueBy, AGREEMENT_SWEEP_BATCH);
      const names = await this.organizations.names([...new Set(batch.map((p) => p.organizationId))], em);
      for (const p of batch) {
        await this.notifications.notify(em, {
          type: 'programme.agreement_expiring',
          subject: { type: 'programme', id: p.programmeId },
          recipients: { programmeManagersOf: p.programmeId },
          params: {
            organizationName: names.get(p.organizationId) ?? '',
            programmeTitle: p.programmeTitle,
            expiresOn: p.expiresOn,
            reference: p.reference,
          },
          dedupeKey: agreementReminderDedupeKey(p.id, p.expiresOn),
        });
      }
      return { claimed: batch.length, sent: batch.length };
    });
    if (sent) this.logger.log({ msg: 'agreement reminder sweep', sent });
  }

  /**
   * Legacy jobs, from before the sweep: `partner.agreement-reminders` events still in an outbox and
   * the per-partner delayed `partner.agreement-expiring` jobs still in a Redis. Ignored: each
   * completes at once and does nothing; the sweep sends the reminder from the partner's row under
   * the same dedupe key, so none is sent twice. Delayed ones drain as their times come.
   */
  @JobHandler(JobName.AgreementReminders)
  async ignoreLegacySchedule(_payload: JobPayload<JobName.AgreementReminders>): Promise<void> {}

  @JobHandler(JobName.AgreementExpiring)
  async ignoreLegacyExpiring(_payload: JobPayload<JobName.AgreementExpiring>): Promise<void> {}
}
