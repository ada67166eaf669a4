import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  JOB_QUEUE,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
  RepeatingJobHandler,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource, EntityManager } from 'typeorm';
import { CheckInsRepository, OrganisationCount } from './check-ins.repository';

export const CHECK_IN_SWEEP_SCHEDULER_ID = 'check-in-sweep';

/** Legacy ids of the per-check-in delayed jobs (before the sweep); still removed when met. */
export const checkInJobId = (placementId: string, months: number): string =>
  `checkin:${placementId}:${months}`;
export const checkInReminderJobId = (placementId: string, months: number): string =>
  `checkin-reminder:${placementId}:${months}`;

/** Check-ins marked per transaction: a 50,000-row backlog is ten short transactions, not one long one. */
export const SWEEP_BATCH = 5000;

/**
 * The retention check-in clock: dates in PostgreSQL, one repeating sweep (job scheduler
 * `check-in-sweep`, every CHECK_IN_SWEEP_MS, one whatever the number of replicas), no job per
 * check-in. A 50,000-row import costs rows, not Redis memory, and moving or cancelling a date is a
 * row update.
 *
 * Each sweep, in batches of SWEEP_BATCH check-ins, one transaction each (see `inBatches`):
 * - opens every scheduled check-in whose date has come (scheduled → due, compare-and-set with
 *   SKIP LOCKED, so two sweeps never open one twice) and tells each employer ONCE per organisation
 *   and UTC day, with a summary ("12 retention check-ins are due"), not one notification per check-in;
 * - marks check-ins due for CHECK_IN_REMINDER_SECONDS and still unanswered as reminded (once each)
 *   and sends one summary reminder per organisation and day.
 * Summaries are bulk notifications: their e-mails go on the bulk queue.
 */
@Injectable()
export class RetentionCheckHandlers extends RepeatingJobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly checkIns: CheckInsRepository,
  ) {
    super(jobs, {
      schedulerId: CHECK_IN_SWEEP_SCHEDULER_ID,
      job: JobName.CheckInSweep,
      everyMs: config.CHECK_IN_SWEEP_MS,
    });
  }

  /** Called by the worker at boot: (re)creates the one sweep schedule. */
  scheduleSweep(): Promise<void> {
    return this.schedule();
  }

  @JobHandler(JobName.CheckInSweep)
  async sweep(): Promise<void> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const after = this.config.CHECK_IN_REMINDER_SECONDS;
    const opened = await this.inBatches(
      'placement.check_in_due',
      'check-ins-due',
      today,
      (em) => this.checkIns.openDueBatch(em, today, SWEEP_BATCH),
      (em, orgs) => this.checkIns.stillDue(em, orgs, today),
    );
    const reminded = await this.inBatches(
      'placement.check_in_reminder',
      'check-ins-reminder',
      today,
      (em) => this.checkIns.remindBatch(em, after, SWEEP_BATCH),
      (em, orgs) => this.checkIns.stillToRemind(em, orgs, after),
    );
    if (opened || reminded) this.logger.log({ msg: 'check-in sweep', opened, reminded });
  }

  /**
   * One step of the sweep, SWEEP_BATCH check-ins per transaction until none is left: each
   * transaction marks its batch (compare-and-set, SKIP LOCKED) and writes the employers' summaries
   * to the outbox, so a crash leaves a batch either marked and announced or untouched. The summary
   * counts the employer's whole backlog of the day (this batch and what is still waiting), and
   * later batches the same day repeat its dedupe key, so each employer still hears once a day.
   */
  private async inBatches(
    type: 'placement.check_in_due' | 'placement.check_in_reminder',
    keyPrefix: string,
    today: string,
    markBatch: (em: EntityManager) => Promise<OrganisationCount[]>,
    stillWaiting: (em: EntityManager, organizationIds: string[]) => Promise<OrganisationCount[]>,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const marked = await this.dataSource.transaction(async (em) => {
        const byOrganisation = await markBatch(em);
        if (!byOrganisation.length) return 0;
        const ids = byOrganisation.map((o) => o.organization_id);
        const rest = new Map((await stillWaiting(em, ids)).map((o) => [o.organization_id, o.count]));
        const names = await this.organizations.names(ids, em);
        for (const o of byOrganisation) {
          await this.notifications.notify(em, {
            type,
            subject: { type: 'organization', id: o.organization_id },
            recipients: { organizationIds: [o.organization_id] },
            params: {
              count: o.count + (rest.get(o.organization_id) ?? 0),
              organizationName: names.get(o.organization_id) ?? '',
              dueOn: today,
            },
            dedupeKey: `${keyPrefix}.${o.organization_id}.${today}`,
            bulk: true,
          });
        }
        return byOrganisation.reduce((n, o) => n + o.count, 0);
      });
      total += marked;
      if (marked < SWEEP_BATCH) return total;
    }
  }

  /**
   * Legacy event (placements logged before the sweep, or events still in the outbox): nothing to
   * schedule any more; removes the placement's per-check-in delayed jobs if Redis still holds any.
   */
  @JobHandler(JobName.PlacementCheckIns)
  async dropLegacyJobs({ placementId }: JobPayload<JobName.PlacementCheckIns>): Promise<void> {
    for (const months of [3, 6, 12]) {
      await this.dropDelayed(JobName.CheckInDue, checkInJobId(placementId, months));
      await this.dropDelayed(JobName.CheckInReminder, checkInReminderJobId(placementId, months));
    }
  }

  private async dropDelayed(name: JobName, jobId: string): Promise<void> {
    const found = await this.jobs.queue(JOB_QUEUE[name]).getJob(jobId);
    if (!found) return;
    const state = await found.getState();
    if (state === 'delayed' || state === 'waiting') await found.remove().catch(() => undefined);
  }

  /** Legacy event: an import's check-ins are found by the sweep; nothing to schedule. */
  @JobHandler(JobName.ImportCheckIns)
  async scheduleImport(_payload: JobPayload<JobName.ImportCheckIns>): Promise<void> {
    // The sweep opens them on their dates.
  }

  /** Legacy delayed job (one per check-in, before the sweep): the sweep does the work, once. */
  @JobHandler(JobName.CheckInDue)
  async open(_payload: JobPayload<JobName.CheckInDue>): Promise<void> {
    await this.sweep();
  }

  /** Legacy delayed reminder: the sweep does the work, once. */
  @JobHandler(JobName.CheckInReminder)
  async remind(_payload: JobPayload<JobName.CheckInReminder>): Promise<void> {
    await this.sweep();
  }
}
