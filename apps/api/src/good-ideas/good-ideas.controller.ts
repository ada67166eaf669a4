import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@tandem/core';
import {
  AdaptationResponse,
  AssessCriterionDto,
  CreateAdaptationDto,
  CreateEndorsementDto,
  CreateGoodIdeaDto,
  GoodIdeaPageResponse,
  GoodIdeaResponse,
  GoodIdeasService,
  GoodIdeaTravelService,
  ListGoodIdeasDto,
  RecognitionResponse,
  TransitionGoodIdeaDto,
  UpdateGoodIdeaDto,
} from '@tandem/good-ideas';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('good ideas')
@Authenticated()
@Controller('good-ideas')
export class GoodIdeasController {
  constructor(
    private readonly ideas: GoodIdeasService,
    private readonly travel: GoodIdeaTravelService,
  ) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Write a good idea (a draft)',
    description:
      'From a programme (`programmeId`): a manager of it who belongs to its lead organisation; the lead ' +
      'organisation is the author. `title`, `summary`, `challenge`, `approach` are in the first of `languages`; ' +
      '`texts` carries the other languages.',
    created: GoodIdeaResponse,
    problems: [400, 403, 404, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGoodIdeaDto): Promise<GoodIdeaResponse> {
    return this.ideas.create(actor, dto);
  }

  @Get()
  @Operation({
    summary:
      'Good ideas you may see: published ones, your organisations’, and (reviewers) those under review',
    ok: GoodIdeaPageResponse,
    problems: [400],
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListGoodIdeasDto) {
    return this.ideas.list(actor, filter);
  }

  @Get(':id')
  @Operation({
    summary: 'A good idea with its live evidence (404 when unpublished and not yours)',
    ok: GoodIdeaResponse,
    problems: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdPath): Promise<GoodIdeaResponse> {
    return this.ideas.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit a draft or returned idea (its authors); If-Match required',
    ok: GoodIdeaResponse,
    problems: [400, 403, 404, 409, 412, 428],
  })
  update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateGoodIdeaDto,
  ): Promise<GoodIdeaResponse> {
    return this.ideas.update(actor, id, version, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Operation({
    summary: 'Move an idea: submitted (authors), published or returned with a reason (reviewers), archived',
    description:
      'draft|returned → submitted (one language complete) → published (all four criteria assessed; the ' +
      'evidence is frozen into a dated snapshot) or returned; published → archived.',
    ok: GoodIdeaResponse,
    problems: [400, 403, 404, 409, 422],
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: TransitionGoodIdeaDto,
  ): Promise<GoodIdeaResponse> {
    return this.ideas.transition(actor, id, dto);
  }

  @Post(':id/assessments')
  @HttpCode(200)
  @Operation({
    summary: 'Rate one of the four criteria with a written rationale (reviewers, while submitted)',
    description: 'practical, innovative, successful, transferable; sending a criterion again replaces it.',
    ok: GoodIdeaResponse,
    problems: [400, 403, 404, 409],
  })
  assess(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: AssessCriterionDto,
  ): Promise<GoodIdeaResponse> {
    return this.ideas.assess(actor, id, dto);
  }

  @Post(':id/endorsements')
  @Idempotent()
  @Operation({
    summary: 'Endorse a published idea in the name of your organisation (org admins; not your own)',
    created: RecognitionResponse,
    problems: [400, 403, 404, 409, 422],
  })
  endorse(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: CreateEndorsementDto,
  ): Promise<RecognitionResponse> {
    return this.travel.endorse(actor, id, dto);
  }

  @Post(':id/adaptations')
  @Idempotent()
  @Operation({
    summary: 'Adapt a published idea for your city: a draft programme led by your organisation',
    description:
      'Milestones shifted as offsets from `startDate`, tasks from the templates, indicators as slots without ' +
      'baselines, partner roles as open slots by kind; linked back to the idea; the authors are notified.',
    created: AdaptationResponse,
    problems: [400, 403, 404, 409],
  })
  adapt(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @Body() dto: CreateAdaptationDto,
  ): Promise<AdaptationResponse> {
    return this.travel.adapt(actor, id, dto);
  }
}
