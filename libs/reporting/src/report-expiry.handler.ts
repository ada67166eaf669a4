import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, JobHandler, JobName, JobQueueService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { ReportStorage } from './storage/report-storage';

export const REPORT_EXPIRE_SCHEDULER = 'report-expire';

/**
 * Retention and liveness of reports, on the job scheduler `report-expire`: deletes the files of
 * reports past `expires_at` and marks them expired; and re-enqueues builds whose worker died
 * without BullMQ retrying them (a 'running' report whose heartbeat stopped), so no report stays
 * running for ever.
 */
@Injectable()
export class ReportExpiryHandler {
  private readonly logger = new Logger(ReportExpiryHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: ReportStorage,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.ReportExpire)
  async expire(): Promise<void> {
    for (;;) {
      const due = await this.dataSource.query<{ id: string; storage_key: string | null }[]>(
        `SELECT id, storage_key FROM reports WHERE status = 'done' AND expires_at <= now() ORDER BY expires_at LIMIT 200`,
      );
      for (const r of due) {
        // File first: a crash in between leaves a 'done' row whose download says 410, never a stray file.
        if (r.storage_key) await this.storage.delete(r.storage_key);
        await this.dataSource.query(
          `UPDATE reports SET status = 'expired', storage_key = NULL, updated_at = now() WHERE id = $1 AND status = 'done'`,
          [r.id],
        );
      }
      if (due.length) this.logger.log({ msg: 'expired reports', count: due.length });
      if (due.length < 200) break;
    }
    const stale = await this.dataSource.query<{ id: string; attempts: number }[]>(
      `SELECT id, attempts FROM reports
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1) LIMIT 200`,
      [(this.config.JOB_LOCK_MS * 3) / 1000],
    );
    for (const r of stale)
      await this.jobs.enqueue(
        JobName.ReportBuild,
        { reportId: r.id },
        `report-rebuild.${r.id}.${r.attempts}`,
      );
  }
}

/** Worker only: keeps the `report-expire` scheduler in place (upserting the same id is idempotent). */
@Injectable()
export class ReportExpiryScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.upsertScheduler(
      REPORT_EXPIRE_SCHEDULER,
      JobName.ReportExpire,
      {},
      { every: this.config.REPORT_EXPIRE_EVERY_MS },
    );
  }
}
