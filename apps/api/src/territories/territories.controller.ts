import { Actor } from '@tandem/core';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CoherenceService,
  CoherenceView,
  CreateTerritoryDto,
  ImportObservationsDto,
  OBSERVATION_COLUMNS,
  OBSERVATION_IMPORT_MAX_BYTES,
  ObservationImportView,
  ObservationsService,
  ObservationView,
  ProfileQueryDto,
  ProfileService,
  RecordObservationDto,
  TerritoriesService,
  TerritoryProfileView,
  TerritoryView,
  UploadedCsvFile,
} from '@tandem/indicators';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated, Operation } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';

@ApiTags('measuring')
@Authenticated()
@Controller('territories')
export class TerritoriesController {
  constructor(
    private readonly territories: TerritoriesService,
    private readonly observations: ObservationsService,
    private readonly profiles: ProfileService,
    private readonly coherence: CoherenceService,
  ) {}

  @Get()
  @Operation({
    summary: 'Territories (every signed-in user)',
    description: 'Filters `parent`, `country`; by code.',
    ok: [TerritoryView],
  })
  @ApiQuery({ name: 'parent', required: false })
  @ApiQuery({ name: 'country', required: false })
  list(@Query('parent') parent?: string, @Query('country') country?: string): Promise<TerritoryView[]> {
    return this.territories.list({ parent: parent || undefined, country: country || undefined });
  }

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Register a territory (platform admins; governments under their jurisdiction)',
    description:
      'Codes: CA (ISO 3166-1), CA-ON (ISO 3166-2), CA-ON-riverton (a city: lower-case slug). The parent must exist.',
    created: TerritoryView,
    problems: [400, 403, 409, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTerritoryDto): Promise<TerritoryView> {
    return this.territories.create(actor, dto);
  }

  @Get(':code')
  @ApiOkResponse({ type: TerritoryView })
  @ApiProblems(404)
  get(@Param('code') code: string): Promise<TerritoryView> {
    return this.territories.get(code);
  }

  @Get(':code/observations')
  @Operation({
    summary: 'Official observations published for the territory',
    ok: [ObservationView],
    problems: [400, 404],
  })
  listObservations(@Param('code') code: string, @Query() query: ProfileQueryDto): Promise<ObservationView[]> {
    return this.observations.list(code, query.framework);
  }

  @Post(':code/observations')
  @Idempotent()
  @Operation({
    summary:
      'Publish an official observation (members of a government whose jurisdiction covers the territory)',
    description:
      'One framework indicator and year: the migrant value, and for a gap indicator the host value, with the source. 201 when new; 200 when it revises the figure already published for that indicator and year.',
    created: ObservationView,
    problems: [400, 403, 404],
  })
  async record(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: RecordObservationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ObservationView> {
    const { view, created } = await this.observations.record(actor, code, dto);
    res.status(created ? 201 : 200);
    return view;
  }

  @Post(':code/observations/import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: OBSERVATION_IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        mode: { type: 'string', enum: ['all_or_nothing', 'valid_rows'], default: 'all_or_nothing' },
        organizationId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @Operation({
    summary: 'Publish many observations from a CSV',
    description: `Header with these columns (any order; hostValue, sampleSize, smallSample, sourceUrl may be empty): ${OBSERVATION_COLUMNS.join(', ')}. Each row follows the rules of POST …/observations; problems come back as errors [{row, column, reason}] (the header is row 1). all_or_nothing (default) writes nothing if a row is bad; valid_rows writes the good ones.`,
    problems: [400, 403, 404, 415, 422],
  })
  // Its own decorator, below @Operation: this POST answers 200 only (no HttpCode), and OpenAPI must not add a 201.
  @ApiOkResponse({ type: ObservationImportView })
  import(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: ImportObservationsDto,
    @UploadedFile() file: UploadedCsvFile | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ObservationImportView> {
    res.status(200);
    return this.observations.import(actor, code, dto, file);
  }

  @Get(':code/profile')
  @Operation({
    summary: 'The integration profile of a territory',
    description:
      'For every framework indicator with data: the latest migrant and host values, the gap (migrant − host) and its trend, and the programmes in the territory (that you may read) on that dimension with their indicator results; an adopted indicator is set against the official gap.',
    ok: TerritoryProfileView,
    problems: [400, 404],
  })
  profile(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: ProfileQueryDto,
  ): Promise<TerritoryProfileView> {
    return this.profiles.profile(actor, code, query);
  }

  @Get(':code/coherence')
  @Operation({
    summary: 'Policy coherence: government levels × policy areas × integration dimensions',
    description:
      'Every cell, empty ones included, with the programmes (that you may read) in the territory and their partners; mainstreamingCount counts general programmes naming migrants among their target groups.',
    ok: CoherenceView,
    problems: [404],
  })
  coherenceMatrix(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CoherenceView> {
    return this.coherence.matrix(actor, code);
  }
}
