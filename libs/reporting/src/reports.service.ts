import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Clock, JobName, mapPage, Page, Actor, orNotFound } from '@tandem/core';
import { Readable } from 'node:stream';
import { CreateReportDto, ListReportsDto } from './dto';
import { Report, ReportStatus } from './entities';
import { assertFormat, validateParameters } from './report-kinds';
import { ReportSources } from './report-sources.service';
import { reportView, ReportView } from './report.view';
import { ReportingError, ReportingErrorCode } from './reporting.errors';
import { ReportsRepository } from './reports.repository';
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
    private readonly write: DomainWrite,
    private readonly reports: ReportsRepository,
    private readonly sources: ReportSources,
    private readonly storage: ReportStorage,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateReportDto): Promise<ReportView> {
    assertFormat(dto.kind, dto.format);
    const parameters = validateParameters(dto.kind, dto.parameters);
    await this.sources.check(actor, dto.kind, parameters);
    const id = await this.write.run(async (em) => {
      const saved = await this.reports.insert(em, {
        kind: dto.kind,
        format: dto.format,
        parameters,
        requestedByUserId: actor.userId,
        status: ReportStatus.Queued,
      });
      await this.write.auditCreate(em, 'report', saved.id, {
        kind: saved.kind,
        format: saved.format,
        parameters,
      });
      await this.write.publish(em, JobName.ReportBuild, { reportId: saved.id });
      return saved.id;
    });
    return this.get(actor, id);
  }

  private async readable(actor: Actor, id: string): Promise<Report> {
    return orNotFound(await this.reports.findReadable(actor.userId, id), 'Report');
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    return reportView(await this.readable(actor, id));
  }

  async list(actor: Actor, query: ListReportsDto): Promise<Page<ReportView>> {
    const page = await this.reports.listReadable(actor.userId, query);
    return mapPage(page, reportView);
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
