import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreateReportDto, KIND_FORMATS, ListReportsDto, ReportView, ReportsService } from '@tandem/reporting';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

const MATRIX = Object.entries(KIND_FORMATS)
  .map(([k, f]) => `${k}: ${f.join(', ')}`)
  .join('; ');

@ApiTags('reports')
@Authenticated()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(202)
  @Idempotent()
  @Operation({
    summary: 'Request a report; the worker builds it',
    description: `202 with the report (status queued) and its Location. Formats by kind: ${MATRIX}. The requester must be allowed to see what the report shows (404 otherwise, e.g. a programme they cannot read); the worker checks again, as the requester, when it builds. The requester is notified (report.ready / report.failed).`,
    problems: [400, 403, 404],
  })
  @ApiResponse({ status: 202, type: ReportView, description: 'Queued; Location: /reports/{id}' })
  @LocatedAt('/reports')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReportDto) {
    return this.reports.create(actor, dto);
  }

  @Get()
  @PagedList(ReportView, {
    summary: 'My reports (requested by me, or delivered to me by a schedule)',
    description: 'Filters status, kind, format, scheduleId; keyset pages, newest first.',
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListReportsDto) {
    return this.reports.list(actor, query);
  }

  @Get(':id')
  @Operation({
    summary: 'A report: status (queued, running, done, failed with failureReason, expired) and progress',
    ok: ReportView,
    problems: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.reports.get(actor, id);
  }

  @Get(':id/download')
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/xml',
  )
  @Operation({
    summary: 'The report file, with its content type and file name',
    description: '409 while queued or running (and when it failed), 410 once expired.',
    problems: [400, 404, 409, 410],
  })
  @ApiOkResponse({
    description: 'The file, in the content type of its format',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(actor, id);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    if (file.byteSize !== null) res.setHeader('Content-Length', String(file.byteSize));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body);
  }
}
