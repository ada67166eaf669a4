import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, JobHandler, JobName, JobQueueService, RepeatingJobHandler } from '@tandem/core';
import { ReportsRepository } from './reports.repository';
import { ReportStorage } from './storage/report-storage';
import { spoolDir, sweepSpool } from './writers/copy-csv';

export const REPORT_EXPIRE_SCHEDULER = 'report-expire';

/** A partial file nothing has written for this long was left by a killed build (a live one keeps writing). */
export const PARTIAL_FILE_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Retention and liveness of reports, on the job scheduler `report-expire`: deletes the files of
 * reports past `expires_at` and marks them expired; and re-enqueues builds whose worker died
 * without BullMQ retrying them (a 'running' report whose heartbeat stopped), so no report stays
 * running for ever; and removes the partial files a build killed mid-way left in the storage and
 * in the spool directory (the rows of a CSV COPYed ahead, spoolCopy).
 */
@Injectable()
export class ReportExpiryHandler extends RepeatingJobHandler {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly storage: ReportStorage,
    jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
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
    const now = this.clock.now();
    const swept =
      (await this.storage.sweepPartial(PARTIAL_FILE_MAX_AGE_MS, now)) +
      (await sweepSpool(spoolDir(this.config), PARTIAL_FILE_MAX_AGE_MS, now));
    if (swept) this.logger.log({ msg: 'removed partial report files left by a killed build', count: swept });
  }
}
