import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, PageQueryDto } from '@tandem/core';
import {
  CreateIndicatorDto,
  IndicatorsService,
  IndicatorValuesService,
  IndicatorValueView,
  IndicatorView,
  ListIndicatorsDto,
  ReportIndicatorValueDto,
  UpdateIndicatorDto,
} from '@tandem/programmes';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedChildList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

const NUMBERS =
  'Baseline, target and values are JSON numbers (at most 4 decimals, within ±10^12); the database keeps them as exact decimals.';

@ApiTags('indicators')
@Authenticated()
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
  ) {}

  @Post('programmes/:id/indicators')
  @Idempotent()
  @Operation({
    summary: 'Define an indicator of the programme (programme managers)',
    description:
      `kind plain (default) or gap. A gap indicator's baseline and target are gaps (migrant − host); its ` +
      `target must be a narrower gap. direction must agree with baseline → target. ${NUMBERS}`,
    problems: [400, 403, 404, 409],
  })
  @LocatedAt('/indicators')
  create(
    @CurrentActor() actor: Actor,
    @Param() { id: programmeId }: IdPath,
    @Body() dto: CreateIndicatorDto,
  ) {
    return this.indicators.create(actor, programmeId, dto);
  }

  @Get('programmes/:id/indicators')
  @PagedChildList(IndicatorView, {
    summary: "The programme's indicators (everyone who reads the programme)",
    description: 'Keyset pages `{items, nextCursor}` in order of creation; filters `dimension`, `kind`.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param() { id: programmeId }: IdPath,
    @Query() query: ListIndicatorsDto,
  ) {
    return this.indicators.list(actor, programmeId, query);
  }

  @Get('indicators/:id')
  @Operation({ summary: 'An indicator (everyone who reads its programme)', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.indicators.get(actor, id);
  }

  @Patch('indicators/:id')
  @Operation({
    summary: 'Edit an indicator (programme managers)',
    description: `Every field but kind. Requires If-Match with the ETag read. ${NUMBERS}`,
    problems: [400, 403, 404, 409, 412, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateIndicatorDto,
  ) {
    return this.indicators.update(actor, id, expectedVersion, dto);
  }

  @Post('indicators/:id/values')
  @Operation({
    summary: 'Report the value of a period (programme managers and working partners)',
    description:
      'Plain indicators take `value`; gap indicators take `migrantValue` and `hostValue` and store the gap ' +
      '(migrant − host) as `value`. Reporting the same period again corrects it: value, note and reporter are replaced (200 instead of 201). ' +
      '409 PERIOD_LOCKED while a locked reporting period overlaps the period. `organizationId` says which ' +
      `of your organisations you report for, required when you belong to several. ${NUMBERS}`,
    problems: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ description: 'The value of that period, corrected', type: IndicatorValueView })
  async report(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: ReportIndicatorValueDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { value, created } = await this.values.report(actor, id, dto);
    res.status(created ? 201 : 200);
    return value;
  }

  @Get('indicators/:id/values')
  @PagedChildList(IndicatorValueView, {
    summary: "An indicator's values (everyone who reads its programme)",
    description: 'Keyset pages `{items, nextCursor}` in period order.',
  })
  listValues(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Query() query: PageQueryDto) {
    return this.values.list(actor, id, query);
  }
}
