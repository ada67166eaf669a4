import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JOB_QUEUE, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource, EntityManager } from 'typeorm';

export const CHECK_IN_SWEEP_SCHEDULER_ID = 'check-in-sweep';

/** Legacy ids of the per-check-in delayed jobs (before the sweep); still removed when met. */
export const checkInJobId = (placementId: string, months: number): string =>
  `checkin:${placementId}:${months}`;
export const checkInReminderJobId = (placementId: string, months: number): string =>
  `checkin-reminder:${placementId}:${months}`;

interface OrganisationCount {
  organization_id: string;
  count: number;
}

/**
 * The retention check-in clock: dates in PostgreSQL, one repeating sweep (job scheduler
 * `check-in-sweep`, every CHECK_IN_SWEEP_MS, one whatever the number of replicas), no job per
 * check-in. A 50,000-row import costs rows, not Redis memory, and moving or cancelling a date is a
 * row update.
 *
 * Each sweep, in one transaction per step:
 * - opens every scheduled check-in whose date has come (scheduled → due, compare-and-set, so two
 *   sweeps never open one twice) and tells each employer ONCE per organisation and UTC day, with a
 *   summary ("12 retention check-ins are due"), not one notification per check-in;
 * - marks check-ins due for CHECK_IN_REMINDER_SECONDS and still unanswered as reminded (once each)
 *   and sends one summary reminder per organisation and day.
 * Summaries are bulk notifications: their e-mails go on the bulk queue.
 */
@Injectable()
export class RetentionCheckHandlers {
  private readonly logger = new Logger(RetentionCheckHandlers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Called by the worker at boot: (re)creates the one sweep schedule. */
  async scheduleSweep(): Promise<void> {
    await this.jobs.upsertScheduler(
      CHECK_IN_SWEEP_SCHEDULER_ID,
      JobName.CheckInSweep,
      {},
      { every: this.config.CHECK_IN_SWEEP_MS },
    );
  }

  @JobHandler(JobName.CheckInSweep)
  async sweep(): Promise<void> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const opened = await this.dataSource.transaction(async (em) => {
      const byOrganisation = await this.openDue(em, today);
      const names = await this.organizations.names(
        byOrganisation.map((o) => o.organization_id),
        em,
      );
      for (const o of byOrganisation) {
        await this.notifications.notify(em, {
          type: 'placement.check_in_due',
          subject: { type: 'organization', id: o.organization_id },
          recipients: { organizationIds: [o.organization_id] },
          params: { count: o.count, organizationName: names.get(o.organization_id) ?? '', dueOn: today },
          dedupeKey: `check-ins-due.${o.organization_id}.${today}`,
          bulk: true,
        });
      }
      return byOrganisation.reduce((n, o) => n + o.count, 0);
    });
    const reminded = await this.dataSource.transaction(async (em) => {
      const byOrganisation = await this.remindUnanswered(em);
      const names = await this.organizations.names(
        byOrganisation.map((o) => o.organization_id),
        em,
      );
      for (const o of byOrganisation) {
        await this.notifications.notify(em, {
          type: 'placement.check_in_reminder',
          subject: { type: 'organization', id: o.organization_id },
          recipients: { organizationIds: [o.organization_id] },
          params: { count: o.count, organizationName: names.get(o.organization_id) ?? '', dueOn: today },
          dedupeKey: `check-ins-reminder.${o.organization_id}.${today}`,
          bulk: true,
        });
      }
      return byOrganisation.reduce((n, o) => n + o.count, 0);
    });
    if (opened || reminded) this.logger.log({ msg: 'check-in sweep', opened, reminded });
  }

  /** scheduled → due for every check-in whose UTC date has come; counts per employer. */
  private async openDue(em: EntityManager, today: string): Promise<OrganisationCount[]> {
    return (await em.query(
      `WITH opened AS (
         UPDATE retention_checks rc SET status = 'due', opened_at = now(), updated_at = now()
           FROM placements pl
          WHERE pl.id = rc.placement_id AND rc.status = 'scheduled' AND rc.due_on <= $1::date
          RETURNING pl.employer_organization_id AS organization_id
       )
       SELECT organization_id, count(*)::int AS count FROM opened
        GROUP BY organization_id ORDER BY organization_id`,
      [today],
    )) as OrganisationCount[];
  }

  /** Due for CHECK_IN_REMINDER_SECONDS and unanswered: reminded once each; counts per employer. */
  private async remindUnanswered(em: EntityManager): Promise<OrganisationCount[]> {
    return (await em.query(
      `WITH reminded AS (
         UPDATE retention_checks rc SET reminded_at = now(), updated_at = now()
           FROM placements pl
          WHERE pl.id = rc.placement_id AND rc.status = 'due' AND rc.reminded_at IS NULL
            AND rc.opened_at <= now() - make_interval(secs => $1)
          RETURNING pl.employer_organization_id AS organization_id
       )
       SELECT organization_id, count(*)::int AS count FROM reminded
        GROUP BY organization_id ORDER BY organization_id`,
      [this.config.CHECK_IN_REMINDER_SECONDS],
    )) as OrganisationCount[];
  }

  /**
   * Legacy event (placements logged before the sweep, or events still in the outbox): nothing to
   * schedule any more; removes the placement's per-check-in delayed jobs if Redis still holds any.
   */
  @JobHandler(JobName.PlacementCheckIns)
  async schedule({ placementId }: JobPayload<JobName.PlacementCheckIns>): Promise<void> {
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
