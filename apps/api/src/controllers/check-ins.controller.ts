import { Actor } from '@tandem/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { AnswerCheckInDto, ListCheckInsDto, RetentionChecksService } from '@tandem/placements';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('placements')
@Authenticated()
@Controller('check-ins')
export class CheckInsController {
  constructor(private readonly checks: RetentionChecksService) {}

  @Get()
  @ApiOperation({
    summary: 'Retention check-ins of the placements I may see',
    description: 'Filters status (scheduled, due, answered, cancelled) and placementId; oldest due first.',
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListCheckInsDto) {
    return this.checks.list(actor, filter);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: "Answer a due check-in (the employer's members)",
    description: 'stillEmployed false needs leftOn and ends the placement on that date.',
  })
  @ApiProblems(400, 403, 404, 409, 422)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AnswerCheckInDto,
  ) {
    return this.checks.answer(actor, id, dto);
  }
}
