import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateParticipantDto,
  ListParticipantsDto,
  ParticipantsService,
  ParticipantView,
} from '@tandem/placements';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('placements')
@Authenticated()
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Register a pseudonymous participant',
    description:
      "Employers' members register the people they hire; civil-society and service-provider partners of a programme register its participants (programmeId). Returns an id and a generated reference code; no names or contact details are ever stored. Consent is required.",
    problems: [400, 403, 404, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateParticipantDto) {
    return this.participants.create(actor, dto);
  }

  @Get()
  @PagedList(ParticipantView, {
    summary: 'The participants my organisations registered',
    description: 'Filter programmeId.',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListParticipantsDto) {
    return this.participants.list(actor, filter);
  }

  @Get(':id')
  @Operation({
    summary: 'A participant',
    description:
      'The registering organisation and employers that placed them; everyone else (programme managers and platform admins included) 404.',
    problems: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.participants.get(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({
    summary: 'Erase a participant on request (the registering organisation)',
    description:
      'Removes every personal attribute and the consent record; the row and its placements stay (anonymous), so counts stay right.',
    problems: [400, 403, 404],
  })
  async erase(@CurrentActor() actor: Actor, @Param() { id }: IdPath): Promise<void> {
    await this.participants.erase(actor, id);
  }
}
