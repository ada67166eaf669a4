import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { PageQueryDto, Actor } from '@tandem/core';
import {
  CreateReportScheduleDto,
  ReportScheduleDto,
  ReportSchedulePageDto,
  ReportSchedulesService,
  UpdateReportScheduleDto,
} from '@tandem/reporting';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('reports')
@Authenticated()
@Controller('report-schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Schedule a report weekly or monthly',
    description:
      'A job scheduler `report-schedule.{id}` builds it (weekly: Mondays 06:00 UTC; monthly: the 1st, 06:00 UTC) and notifies the recipients (report.scheduled_ready) with the report to download. Each recipient must be allowed to see what the report shows (422 naming recipients.<i>).',
  })
  @ApiCreatedResponse({ type: ReportScheduleDto })
  @ApiProblems(400, 403, 404, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateReportScheduleDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const s = await this.schedules.create(actor, dto);
    res.setHeader('Location', `/report-schedules/${s.id}`);
    return s;
  }

  @Get()
  @ApiOperation({ summary: 'My report schedules (keyset pages, newest first)' })
  @ApiOkResponse({ type: ReportSchedulePageDto })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    return this.schedules.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my report schedules (ETag)' })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.schedules.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a schedule (owner, If-Match); a new cadence moves its job scheduler' })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiProblems(400, 403, 404, 412, 422, 428)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateReportScheduleDto,
  ) {
    return this.schedules.update(actor, id, expectedVersion, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule (owner): its job scheduler is removed' })
  @ApiNoContentResponse({ description: 'Deleted; its job scheduler is removed' })
  @ApiProblems(400, 404)
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.schedules.remove(actor, id);
  }
}
