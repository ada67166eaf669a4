import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActorLoader } from '@tandem/auth';
import { AppConfig, DomainError, JobHandler, JobName, JobPayload } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { Report } from './entities';
import { CONTENT_TYPES } from './report-kinds';
import { ReportSources } from './report-sources.service';
import { ReportRefused } from './reporting.errors';
import { ReportSchedulesRepository } from './report-schedules.repository';
import { ReportsRepository } from './reports.repository';
import { ReportStorage } from './storage/report-storage';

const EXTENSION = { json: 'json', csv: 'csv', xlsx: 'xlsx', pdf: 'pdf', xml: 'xml' } as const;

/** Why a build was refused, in the requester's words (the domain says "Programme not found"). */
function refusal(err: DomainError | ReportRefused): string {
  if (err instanceof DomainError && err.code === 'NOT_FOUND')
    return `${err.message}, or no longer visible to the requester: the report cannot show it`;
  if (err instanceof DomainError && err.code === 'FORBIDDEN') return `Not allowed: ${err.message}`;
  return err.message;
}

/**
 * Builds a report's file in the worker. Claims the report compare-and-set (queued → running, or a
 * 'running' one whose heartbeat is older than JOB_LOCK_MS: its worker died), counting attempts;
 * builds it as the requester, re-read from the database, so access lost since the request is
 * respected; streams it into the storage; marks it done and notifies in one transaction.
 * A refusal (the domain says 404/403, the requester is gone) fails it at once with the reason; an
 * unexpected error is retried until REPORT_MAX_ATTEMPTS, then fails it. Never left running.
 */
@Injectable()
export class ReportBuildHandler {
  private readonly logger = new Logger(ReportBuildHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ReportSources,
    private readonly storage: ReportStorage,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly actors: ActorLoader,
    private readonly reports: ReportsRepository,
    private readonly schedules: ReportSchedulesRepository,
  ) {}

  @JobHandler(JobName.ReportBuild)
  async build({ reportId }: JobPayload<JobName.ReportBuild>): Promise<void> {
    const claimed = await this.reports.claim(reportId, this.config.JOB_LOCK_MS / 1000);
    if (!claimed) return; // done, failed, expired, or being built by a live worker
    const attempt = claimed.attempts;
    const report = await this.reports.getById(reportId);
    if (attempt > this.config.REPORT_MAX_ATTEMPTS) {
      await this.fail(report, attempt, `Gave up after ${attempt - 1} attempts that did not finish`);
      return;
    }
    const requester = await this.actors.loadUser(report.requestedByUserId);
    if (!requester) {
      await this.fail(report, attempt, "The requester's account is disabled or gone");
      return;
    }
    const key = `${report.id}.${EXTENSION[report.format]}`;
    const heartbeat = setInterval(
      () => void this.touch(report.id, attempt).catch(() => undefined),
      Math.max(500, Math.floor(this.config.JOB_LOCK_MS / 3)),
    );
    let rows = 0;
    let bytes = 0;
    try {
      const out = new PassThrough();
      // The writer may fail before the storage has attached to the stream: never an unhandled 'error'.
      out.on('error', () => undefined);
      const stored = this.storage.put(key, out);
      const written = this.sources
        .write(
          requester,
          report,
          out,
          (n) => this.progress(report.id, attempt, n),
          (total) => this.total(report.id, attempt, total),
        )
        .catch((err: unknown) => {
          out.destroy(new Error('the report could not be written')); // the storage drops its temporary file
          throw err;
        });
      const [s, w] = await Promise.allSettled([stored, written]);
      // The writer's error says why; the storage's is then only "stream destroyed".
      if (w.status === 'rejected') throw w.reason;
      if (s.status === 'rejected') throw s.reason;
      const size = s.value.bytes;
      const count = w.value;
      rows = count;
      bytes = size;
    } catch (err) {
      clearInterval(heartbeat);
      if (err instanceof DomainError || err instanceof ReportRefused) {
        await this.fail(report, attempt, refusal(err));
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= this.config.REPORT_MAX_ATTEMPTS) {
        await this.fail(report, attempt, `Could not build the report after ${attempt} attempts: ${message}`);
        return;
      }
      // Release the claim so BullMQ's retry (backoff) can claim it again.
      await this.reports.release(report.id, attempt, `attempt ${attempt} failed: ${message}`);
      throw err;
    }
    clearInterval(heartbeat);
    const done = await this.dataSource.transaction(async (em) => {
      const fileName = `${report.kind}-${new Date().toISOString().slice(0, 10)}-${report.id.slice(0, 8)}.${EXTENSION[report.format]}`;
      const finished = await this.reports.finish(em, report.id, attempt, {
        storageKey: key,
        fileName,
        contentType: CONTENT_TYPES[report.format],
        byteSize: bytes,
        rows,
        retentionDays: this.config.REPORT_RETENTION_DAYS,
      });
      if (!finished) return false;
      await this.notifyDone(em, report);
      return true;
    });
    if (!done)
      this.logger.warn({ msg: 'report finished by another attempt; this file is superseded', reportId });
  }

  private async notifyDone(em: import('typeorm').EntityManager, report: Report): Promise<void> {
    if (report.scheduleId) {
      const scheduleName = await this.schedules.name(em, report.scheduleId);
      await this.notifications.notify(em, {
        type: 'report.scheduled_ready',
        subject: { type: 'report', id: report.id },
        recipients: { userIds: [...new Set([report.requestedByUserId, ...report.recipientUserIds])] },
        params: {
          reportKind: report.kind,
          format: report.format,
          scheduleName: scheduleName ?? report.kind,
        },
        dedupeKey: `report-ready.${report.id}`,
      });
      return;
    }
    await this.notifications.notify(em, {
      type: 'report.ready',
      subject: { type: 'report', id: report.id },
      recipients: { userIds: [report.requestedByUserId] },
      params: { reportKind: report.kind, format: report.format },
      dedupeKey: `report-ready.${report.id}`,
    });
  }

  private async fail(report: Report, attempt: number, reason: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.reports.fail(em, report.id, attempt, reason))) return;
      await this.notifications.notify(em, {
        type: 'report.failed',
        subject: { type: 'report', id: report.id },
        recipients: { userIds: [report.requestedByUserId] },
        params: { reportKind: report.kind, format: report.format, reason: reason.slice(0, 300) },
        dedupeKey: `report-failed.${report.id}`,
      });
    });
    this.logger.warn({ msg: 'report failed', reportId: report.id, reason });
  }

  private touch(id: string, attempt: number): Promise<void> {
    return this.reports.touch(id, attempt);
  }

  private progress(id: string, attempt: number, rows: number): Promise<void> {
    return this.reports.touch(id, attempt, { processed: rows });
  }

  private total(id: string, attempt: number, total: number): Promise<void> {
    return this.reports.touch(id, attempt, { total });
  }
}
