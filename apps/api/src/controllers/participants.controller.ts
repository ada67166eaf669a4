import { Actor } from '@tandem/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { CreateParticipantDto, ListParticipantsDto, ParticipantsService } from '@tandem/placements';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('placements')
@Authenticated()
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Register a pseudonymous participant',
    description:
      "Employers' members register the people they hire; civil-society and service-provider partners of a programme register its participants (programmeId). Returns an id and a generated reference code; no names or contact details are ever stored. Consent is required.",
  })
  @ApiProblems(400, 403, 404, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateParticipantDto) {
    return this.participants.create(actor, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'The participants my organisations registered',
    description: 'Filter programmeId.',
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListParticipantsDto) {
    return this.participants.list(actor, filter);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A participant',
    description:
      'The registering organisation, employers that placed them, and the managers of the programme they belong to; everyone else 404.',
  })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.participants.get(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase a participant on request (the registering organisation)',
    description:
      'Removes every personal attribute and the consent record; the row and its placements stay (anonymous), so counts stay right.',
  })
  @ApiProblems(400, 403, 404)
  async erase(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.participants.erase(actor, id);
  }
}
