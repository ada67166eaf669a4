import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JOB_QUEUE, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { CheckInsRepository } from './check-ins.repository';
import { RetentionCheckStatus } from './entities';

export const checkInJobId = (placementId: string, months: number): string =>
  `checkin:${placementId}:${months}`;
export const checkInReminderJobId = (placementId: string, months: number): string =>
  `checkin-reminder:${placementId}:${months}`;

/**
 * The retention check-in clock. A new placement's outbox event schedules one delayed job per
 * check-in (ids `checkin:{placementId}:{months}`, so a replay replaces nothing and adds nothing).
 * When one fires it opens the check-in (scheduled → due, compare-and-set), tells the employer's
 * members and schedules one reminder CHECK_IN_REMINDER_SECONDS later; the reminder fires only if
 * the check-in is still due and was never reminded. Check-ins cancelled because the placement
 * ended are no longer `scheduled`, so their jobs find nothing to do.
 */
@Injectable()
export class RetentionCheckHandlers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly checkIns: CheckInsRepository,
  ) {}

  /**
   * Published when a placement is logged and again when it ends: enqueues the check-ins still
   * scheduled (enqueueing an existing id adds nothing) and drops the delayed jobs of cancelled ones.
   */
  @JobHandler(JobName.PlacementCheckIns)
  async schedule({ placementId }: JobPayload<JobName.PlacementCheckIns>): Promise<void> {
    const checks = await this.checkIns.scheduledOrCancelled(placementId);
    const now = this.clock.now().getTime();
    for (const c of checks) {
      if (c.status === RetentionCheckStatus.Cancelled) {
        await this.dropDelayed(JobName.CheckInDue, checkInJobId(placementId, c.months));
        await this.dropDelayed(JobName.CheckInReminder, checkInReminderJobId(placementId, c.months));
        continue;
      }
      const delay = Math.max(0, Date.parse(`${c.due_on}T00:00:00Z`) - now);
      await this.jobs.enqueue(
        JobName.CheckInDue,
        { placementId, months: c.months },
        checkInJobId(placementId, c.months),
        delay,
      );
    }
  }

  /** Removes a job still waiting; one running now is locked, and its handler finds nothing to do. */
  private async dropDelayed(name: JobName, jobId: string): Promise<void> {
    const found = await this.jobs.queue(JOB_QUEUE[name]).getJob(jobId);
    if (!found) return;
    const state = await found.getState();
    if (state === 'delayed' || state === 'waiting') await found.remove().catch(() => undefined);
  }

  /** The same for every placement of a CSV import, in batches (enqueue is idempotent per job id). */
  @JobHandler(JobName.ImportCheckIns)
  async scheduleImport({ importId }: JobPayload<JobName.ImportCheckIns>): Promise<void> {
    const checks = await this.checkIns.scheduledOfImport(importId);
    const now = this.clock.now().getTime();
    for (let i = 0; i < checks.length; i += 500) {
      await Promise.all(
        checks
          .slice(i, i + 500)
          .map((c) =>
            this.jobs.enqueue(
              JobName.CheckInDue,
              { placementId: c.placement_id, months: c.months },
              checkInJobId(c.placement_id, c.months),
              Math.max(0, Date.parse(`${c.due_on}T00:00:00Z`) - now),
            ),
          ),
      );
    }
  }

  @JobHandler(JobName.CheckInDue)
  async open(
    { placementId, months }: JobPayload<JobName.CheckInDue>,
    meta: { jobId: string },
  ): Promise<void> {
    const check = await this.dataSource.transaction(async (em) => {
      const opened = await this.checkIns.open(em, placementId, months);
      const row = await this.checkIns.notice(em, placementId, months);
      if (opened && row) {
        await this.notifications.notify(em, {
          type: 'placement.check_in_due',
          subject: { type: 'retention_check', id: row.id },
          recipients: { organizationIds: [row.employer_organization_id] },
          params: { months, jobTitle: row.job_title, referenceCode: row.reference_code, dueOn: row.due_on },
          dedupeKey: meta.jobId,
        });
      }
      return row;
    });
    if (!check) return;
    if (check.status === RetentionCheckStatus.Scheduled) {
      // Fired before its date (clocks of machines disagree): fail, so BullMQ retries with backoff.
      throw new Error(`check-in ${check.id} fired before its due date ${check.due_on}`);
    }
    // Also after a retry of a job whose transaction committed: the reminder's id makes this a no-op.
    if (check.status === RetentionCheckStatus.Due && check.opened_at) {
      const fireAt = check.opened_at.getTime() + this.config.CHECK_IN_REMINDER_SECONDS * 1000;
      await this.jobs.enqueue(
        JobName.CheckInReminder,
        { placementId, months },
        checkInReminderJobId(placementId, months),
        Math.max(0, fireAt - this.clock.now().getTime()),
      );
    }
  }

  @JobHandler(JobName.CheckInReminder)
  async remind(
    { placementId, months }: JobPayload<JobName.CheckInReminder>,
    meta: { jobId: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.checkIns.markReminded(em, placementId, months))) return;
      const row = await this.checkIns.notice(em, placementId, months);
      if (!row) return;
      await this.notifications.notify(em, {
        type: 'placement.check_in_reminder',
        subject: { type: 'retention_check', id: row.id },
        recipients: { organizationIds: [row.employer_organization_id] },
        params: { months, jobTitle: row.job_title, referenceCode: row.reference_code, dueOn: row.due_on },
        dedupeKey: meta.jobId,
      });
    });
  }
}
