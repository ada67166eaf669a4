import { Actor } from '@tandem/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import {
  CreatePlacementDto,
  EndPlacementDto,
  ListPlacementsDto,
  PlacementsService,
  PlacementStatsQueryDto,
  PlacementStatsService,
} from '@tandem/placements';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('placements')
@Authenticated()
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly statistics: PlacementStatsService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: "Log a placement (the employer's members)",
    description:
      'The participant must be one the employer registered, or one registered under the programme named; the programme must be one the employer is an active partner of (422 naming programmeId). Schedules the 3/6/12-month check-ins.',
  })
  @ApiProblems(400, 403, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePlacementDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = await this.placements.create(actor, dto);
    res.setHeader('Location', `/placements/${p.id}`);
    return p;
  }

  @Get()
  @ApiOperation({
    summary: 'Placements I may see',
    description:
      "An employer's members see its own; programme managers those linked to their programmes. Filters programmeId, employerOrganizationId, status, startFrom/startTo, sector; keyset pages, newest first.",
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListPlacementsDto) {
    return this.placements.list(actor, filter);
  }

  @Get('stats')
  @ApiOperation({
    summary: 'Placement statistics',
    description:
      'By sector, ISCO major group, contract type, country of origin, and retention at 3/6/12 months over answered check-ins. An employer sees its own exactly; with programmeId, the programme managers see all its employers with every cell under 5 people shown as "<5".',
  })
  @ApiProblems(400, 404)
  stats(@CurrentActor() actor: Actor, @Query() query: PlacementStatsQueryDto) {
    return this.statistics.stats(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A placement with its check-ins' })
  @ApiProblems(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.placements.get(actor, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({
    summary: "End a placement (the employer's members)",
    description: 'Cancels the check-ins dated after the end date.',
  })
  @ApiProblems(400, 403, 404, 409, 422)
  async end(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: EndPlacementDto,
  ) {
    return this.placements.end(actor, id, dto);
  }
}
