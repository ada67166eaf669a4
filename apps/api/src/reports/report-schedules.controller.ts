import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Actor, PageQueryDto } from '@tandem/core';
import {
  CreateReportScheduleDto,
  ReportScheduleView,
  ReportSchedulesService,
  UpdateReportScheduleDto,
} from '@tandem/reporting';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('reports')
@Authenticated()
@Controller('report-schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Schedule a report weekly or monthly',
    description:
      'A job scheduler `report-schedule.{id}` builds it (weekly: Mondays 06:00 UTC; monthly: the 1st, 06:00 UTC) and notifies the recipients (report.scheduled_ready) with the report to download. Each recipient must be allowed to see what the report shows (422 naming recipients.<i>).',
    created: ReportScheduleView,
    problems: [400, 403, 404, 422],
  })
  @LocatedAt('/report-schedules')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReportScheduleDto) {
    return this.schedules.create(actor, dto);
  }

  @Get()
  @PagedList(ReportScheduleView, { summary: 'My report schedules (keyset pages, newest first)' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    return this.schedules.list(actor, query);
  }

  @Get(':id')
  @Operation({ summary: 'One of my report schedules (ETag)', ok: ReportScheduleView, problems: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.schedules.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit a schedule (owner, If-Match); a new cadence moves its job scheduler',
    ok: ReportScheduleView,
    problems: [400, 403, 404, 412, 422, 428],
  })
  update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateReportScheduleDto,
  ) {
    return this.schedules.update(actor, id, expectedVersion, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete a schedule (owner): its job scheduler is removed', problems: [400, 404] })
  @ApiNoContentResponse({ description: 'Deleted; its job scheduler is removed' })
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdPath): Promise<void> {
    await this.schedules.remove(actor, id);
  }
}
