import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
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
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

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
  @Operation({
    summary: "Register the person and log their placement in one step (the employer's members)",
    description:
      'One transaction: the pseudonymous participant (registered by the employer, under the programme if named) and the placement with its check-ins, or nothing at all. Errors name `participant.<field>` and the job fields.',
    created: PlacementView,
    problems: [400, 403, 422],
  })
  @LocatedAt('/placements')
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterPlacementDto) {
    return this.registration.register(actor, dto);
  }

  @Post()
  @Idempotent()
  @Operation({
    summary: "Log a placement (the employer's members)",
    description:
      'The participant must be one the employer registered, or one registered under the programme named; the programme must be one the employer is an active partner of (422 naming programmeId). Schedules the 3/6/12-month check-ins.',
    problems: [400, 403, 422],
  })
  @LocatedAt('/placements')
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlacementDto) {
    return this.placements.create(actor, dto);
  }

  @Get()
  @PagedList(PlacementView, {
    summary: 'Placements I may see',
    description:
      "An employer's members see its own; programme managers those linked to their programmes. Filters programmeId, employerOrganizationId, status, startFrom/startTo, sector; keyset pages, newest first.",
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListPlacementsDto) {
    return this.placements.list(actor, filter);
  }

  @Get('stats')
  @Operation({
    summary: 'Placement statistics',
    description:
      'By sector, ISCO major group, contract type, country of origin, and retention at 3/6/12 months over answered check-ins. An employer sees its own exactly; with programmeId, the programme managers see all its employers with every cell under 5 people shown as "<5".',
    problems: [400, 404],
  })
  stats(@CurrentActor() actor: Actor, @Query() query: PlacementStatsQueryDto) {
    return this.statistics.stats(actor, query);
  }

  @Get(':id')
  @Operation({ summary: 'A placement with its check-ins', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.placements.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: "Correct a placement's job details or start date (the employer's members)",
    description:
      'jobTitle, occupationCode, sector, contractType, hoursPerWeek, startDate; absent fields stay. Requires If-Match with the ETag read. Once the placement ended only startDate may change (409 for the others). A new startDate moves the unanswered check-ins (3/6/12 months from it; answered ones keep their dates); it is refused naming startDate when outside the range logging takes or after the end date (422), or when another placement of the participant at this employer starts that day (409).',
    ok: PlacementView,
    problems: [400, 403, 404, 409, 412, 422, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdatePlacementDto,
  ) {
    return this.edits.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Operation({
    summary: "End a placement (the employer's members)",
    description: 'Cancels the check-ins dated after the end date.',
    problems: [400, 403, 404, 409, 422],
  })
  async end(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: EndPlacementDto) {
    return this.placements.end(actor, id, dto);
  }
}
