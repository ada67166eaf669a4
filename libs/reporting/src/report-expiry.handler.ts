import { Injectable } from '@nestjs/common';
import { AppConfig, JobHandler, JobName, JobQueueService, RepeatingJobHandler } from '@tandem/core';
import { ReportsRepository } from './reports.repository';
import { ReportStorage } from './storage/report-storage';

export const REPORT_EXPIRE_SCHEDULER = 'report-expire';

/**
 * Retention and liveness of reports, on the job scheduler `report-expire`: deletes the files of
 * reports past `expires_at` and marks them expired; and re-enqueues builds whose worker died
 * without BullMQ retrying them (a 'running' report whose heartbeat stopped), so no report stays
 * running for ever.
 */
@Injectable()
export class ReportExpiryHandler extends RepeatingJobHandler {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly storage: ReportStorage,
    jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {
    super(jobs, {
      schedulerId: REPORT_EXPIRE_SCHEDULER,
      job: JobName.ReportExpire,
      everyMs: config.REPORT_EXPIRE_EVERY_MS,
    });
  }

  @JobHandler(JobName.ReportExpire)
  async expire(): Promise<void> {
    for (;;) {
      const due = await this.reports.expiredDone(200);
      for (const r of due) {
        // File first: a crash in between leaves a 'done' row whose download says 410, never a stray file.
        if (r.storage_key) await this.storage.delete(r.storage_key);
        await this.reports.markExpired(r.id);
      }
      if (due.length) this.logger.log({ msg: 'expired reports', count: due.length });
      if (due.length < 200) break;
    }
    const stale = await this.reports.staleRunning((this.config.JOB_LOCK_MS * 3) / 1000, 200);
    for (const r of stale)
      await this.jobs.enqueue(
        JobName.ReportBuild,
        { reportId: r.id },
        `report-rebuild.${r.id}.${r.attempts}`,
      );
  }
}
