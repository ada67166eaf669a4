import { DomainWrite } from '@tandem/audit';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { ReportCadence } from './entities';
import { ReportSchedulesRepository } from './report-schedules.repository';
import { ReportSchedulesService, schedulerIdOf } from './report-schedules.service';
import { ReportsRepository } from './reports.repository';

/**
 * Cadence → BullMQ repeat options. weekly: Mondays 06:00 UTC; monthly: the 1st at 06:00 UTC.
 * REPORT_SCHEDULE_EVERY_MS (a testing/ops knob) replaces the calendar: weekly fires every that many
 * milliseconds and monthly every four times that, so a change of cadence still moves the scheduler.
 */
export function repeatFor(
  cadence: ReportCadence,
  everyMs?: number,
): { every: number } | { pattern: string; tz: string } {
  if (everyMs) return { every: cadence === ReportCadence.Weekly ? everyMs : everyMs * 4 };
  return cadence === ReportCadence.Weekly
    ? { pattern: '0 6 * * 1', tz: 'UTC' }
    : { pattern: '0 6 1 * *', tz: 'UTC' };
}

/** A scheduler job's id is `repeat:{schedulerId}:{millis}`: the millis name the firing. */
export function periodKeyOf(jobId: string): string {
  const millis = /:(\d+)$/.exec(jobId)?.[1];
  return millis ? new Date(Number(millis)).toISOString() : jobId.slice(0, 64);
}

@Injectable()
export class ReportScheduleHandlers {
  private readonly logger = new Logger(ReportScheduleHandlers.name);

  constructor(
    private readonly write: DomainWrite,
    private readonly jobs: JobQueueService,
    private readonly schedules: ReportSchedulesService,
    private readonly config: AppConfig,
    private readonly repository: ReportSchedulesRepository,
    private readonly reports: ReportsRepository,
  ) {}

  /** Makes the job scheduler match the row as it is now: upserted (moved) while it exists, removed once deleted. */
  @JobHandler(JobName.ReportScheduleSync)
  async sync({ scheduleId }: JobPayload<JobName.ReportScheduleSync>): Promise<void> {
    const s = await this.repository.findById(scheduleId);
    if (!s) {
      await this.jobs.removeScheduler(JobName.ReportScheduleFire, schedulerIdOf(scheduleId));
      return;
    }
    await this.jobs.upsertScheduler(
      schedulerIdOf(s.id),
      JobName.ReportScheduleFire,
      { scheduleId: s.id },
      repeatFor(s.cadence, this.config.REPORT_SCHEDULE_EVERY_MS),
    );
  }

  /**
   * One firing: makes this period's report (the unique (schedule, period) index makes a firing
   * handled twice one report) and hands it to the build through the outbox. Recipients who may no
   * longer see the report are left out of this one.
   */
  @JobHandler(JobName.ReportScheduleFire)
  async fire({ scheduleId }: JobPayload<JobName.ReportScheduleFire>, meta: { jobId: string }): Promise<void> {
    const s = await this.repository.findById(scheduleId);
    if (!s) {
      // Deleted, and its sync not yet through (or lost a race): stop firing.
      await this.jobs.removeScheduler(JobName.ReportScheduleFire, schedulerIdOf(scheduleId));
      return;
    }
    const periodKey = periodKeyOf(meta.jobId);
    const { allowed } = await this.schedules.screenRecipients(s.kind, s.parameters, s.recipientUserIds);
    await this.write.run(async (em) => {
      const reportId = await this.reports.insertScheduled(em, {
        kind: s.kind,
        format: s.format,
        parameters: s.parameters,
        requestedByUserId: s.ownerUserId,
        recipientUserIds: allowed,
        scheduleId: s.id,
        periodKey,
      });
      if (!reportId) return;
      await this.repository.markFired(em, s.id);
      await this.write.publish(em, JobName.ReportBuild, { reportId });
    });
    this.logger.log({ msg: 'report schedule fired', scheduleId, periodKey });
  }
}
