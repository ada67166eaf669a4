import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { Actor, PageOf } from '@tandem/core';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePlacementDto,
  EndPlacementDto,
  ListPlacementsDto,
  PlacementEditsService,
  PlacementRegistrationService,
  PlacementsService,
  PlacementStatsQueryDto,
  PlacementStatsService,
  PlacementView,
  RegisterPlacementDto,
  UpdatePlacementDto,
} from '@tandem/placements';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('placements')
@Authenticated()
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly statistics: PlacementStatsService,
    private readonly registration: PlacementRegistrationService,
    private readonly edits: PlacementEditsService,
  ) {}

  @Post('register')
  @Idempotent()
  @ApiOperation({
    summary: "Register the person and log their placement in one step (the employer's members)",
    description:
      'One transaction: the pseudonymous participant (registered by the employer, under the programme if named) and the placement with its check-ins, or nothing at all. Errors name `participant.<field>` and the job fields.',
  })
  @ApiCreatedResponse({ type: PlacementView })
  @ApiProblems(400, 403, 422)
  async register(
    @CurrentActor() actor: Actor,
    @Body() dto: RegisterPlacementDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = await this.registration.register(actor, dto);
    res.setHeader('Location', `/placements/${p.id}`);
    return p;
  }

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
  @ApiOkResponse({ type: PageOf(PlacementView) })
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

  @Patch(':id')
  @ApiOperation({
    summary: "Correct an active placement's job details (the employer's members)",
    description:
      'jobTitle, occupationCode, sector, contractType, hoursPerWeek; absent fields stay. Requires If-Match with the ETag read; 409 once the placement ended.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version you read' })
  @ApiOkResponse({ type: PlacementView })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdatePlacementDto,
  ) {
    return this.edits.update(actor, id, expectedVersion, dto);
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
