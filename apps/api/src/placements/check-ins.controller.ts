import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, PageOf } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
import {
  AnswerCheckInDto,
  CheckInListItem,
  DueCheckInsService,
  DueCheckInView,
  ListCheckInsDto,
  ListDueCheckInsDto,
  RetentionChecksService,
} from '@tandem/placements';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation, PagedList } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';

@ApiTags('placements')
@Authenticated()
@Controller('check-ins')
export class CheckInsController {
  constructor(
    private readonly checks: RetentionChecksService,
    private readonly due: DueCheckInsService,
  ) {}

  @Get('due')
  @Operation({
    summary: 'Check-ins to answer now, for my employers',
    description:
      'Unanswered check-ins of active placements whose date has come (opened by the sweep or not yet), oldest first; `overdue` when more than 14 days old. employerOrganizationId: one of mine (another organisation: 404).',
    ok: PageOf(DueCheckInView),
    problems: [400, 404],
  })
  listDue(@CurrentActor() actor: Actor, @Query() filter: ListDueCheckInsDto) {
    return this.due.list(actor, filter);
  }

  @Get()
  @PagedList(CheckInListItem, {
    summary: 'Retention check-ins of the placements I may see',
    description: 'Filters status (scheduled, due, answered, cancelled) and placementId; oldest due first.',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListCheckInsDto) {
    return this.checks.list(actor, filter);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Operation({
    summary: "Answer a due check-in (the employer's members)",
    description: 'stillEmployed false needs leftOn and ends the placement on that date.',
    problems: [400, 403, 404, 409, 422],
  })
  answer(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: AnswerCheckInDto) {
    return this.checks.answer(actor, id, dto);
  }
}
