import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';

import {
  Clock,
  CoreError,
  JobName,
  OutboxService,
  Page,
  paginate,
  TransactionService,
  Actor,
} from '@tandem/core';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CreateReportDto, ListReportsDto } from './dto';
import { Report, ReportStatus } from './entities';
import { assertFormat, validateParameters } from './report-kinds';
import { ReportSources } from './report-sources.service';
import { reportView, ReportView } from './report.view';
import { ReportingError, ReportingErrorCode } from './reporting.errors';
import { ReportStorage } from './storage/report-storage';

/**
 * Report requests: checked (kind × format, parameters, and that the requester may see what the
 * report would show: 404 now, not a failed report later), recorded and handed to the worker
 * through the outbox. A report is readable by its requester (and a scheduled report by the
 * schedule's recipients); anyone else gets 404.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly sources: ReportSources,
    private readonly storage: ReportStorage,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateReportDto): Promise<ReportView> {
    assertFormat(dto.kind, dto.format);
    const parameters = validateParameters(dto.kind, dto.parameters);
    await this.sources.check(actor, dto.kind, parameters);
    const id = await this.tx.run(async (em) => {
      const saved = await em.save(
        Report,
        em.create(Report, {
          kind: dto.kind,
          format: dto.format,
          parameters,
          requestedByUserId: actor.userId,
          status: ReportStatus.Queued,
        }),
      );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'report',
        entityId: saved.id,
        after: { kind: saved.kind, format: saved.format, parameters },
      });
      await this.outbox.publish(em, JobName.ReportBuild, { reportId: saved.id });
      return saved.id;
    });
    return this.get(actor, id);
  }

  private async readable(actor: Actor, id: string): Promise<Report> {
    const found = await this.dataSource
      .getRepository(Report)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere('(r.requested_by_user_id = :me OR :me = ANY(r.recipient_user_ids))', { me: actor.userId })
      .getOne();
    if (!found) throw CoreError.notFound('Report');
    return found;
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    return reportView(await this.readable(actor, id));
  }

  async list(actor: Actor, query: ListReportsDto): Promise<Page<ReportView>> {
    const qb = this.dataSource
      .getRepository(Report)
      .createQueryBuilder('r')
      .where('(r.requested_by_user_id = :me OR :me = ANY(r.recipient_user_ids))', { me: actor.userId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.format) qb.andWhere('r.format = :format', { format: query.format });
    if (query.scheduleId) qb.andWhere('r.schedule_id = :scheduleId', { scheduleId: query.scheduleId });
    const page = await paginate(qb, {
      keys: ['r.created_at', 'r.id'],
      direction: 'DESC',
      cursorOf: (r) => [r.createdAt.toISOString(), r.id],
      query,
    });
    return { items: page.items.map(reportView), nextCursor: page.nextCursor };
  }

  /** The file: 409 until it is built (or when it failed), 410 once expired. */
  async download(
    actor: Actor,
    id: string,
  ): Promise<{ body: Readable; fileName: string; contentType: string; byteSize: number | null }> {
    const r = await this.readable(actor, id);
    if (
      r.status === ReportStatus.Expired ||
      (r.status === ReportStatus.Done && r.expiresAt && r.expiresAt <= this.clock.now())
    )
      throw new ReportingError(ReportingErrorCode.ReportExpired, 'This report has expired; request it again');
    if (r.status !== ReportStatus.Done || !r.storageKey)
      throw new ReportingError(
        ReportingErrorCode.ReportNotReady,
        r.status === ReportStatus.Failed
          ? `This report failed: ${r.failureReason ?? 'unknown reason'}`
          : `This report is ${r.status}; download it once it is done`,
      );
    const body = await this.storage.get(r.storageKey);
    if (!body)
      throw new ReportingError(
        ReportingErrorCode.ReportExpired,
        'The file of this report is gone; request it again',
      );
    return { body, fileName: r.fileName!, contentType: r.contentType!, byteSize: r.byteSize };
  }
}
