import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, PageQueryDto } from '@tandem/core';
import { LockPeriodDto, PeriodLocksService, PeriodLockView } from '@tandem/programmes';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation, PagedChildList } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath, PeriodLockPath } from '../http/path-params.dto';

@ApiTags('indicators')
@Authenticated()
@Controller('programmes/:id/period-locks')
export class PeriodLocksController {
  constructor(private readonly locks: PeriodLocksService) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Lock a reporting period (programme managers)',
    description:
      'While locked, no indicator value whose period overlaps it can be reported or corrected. ' +
      '409 PERIOD_ALREADY_LOCKED when this exact period is locked already.',
    problems: [400, 403, 404, 409, 422],
  })
  lock(@CurrentActor() actor: Actor, @Param() { id: programmeId }: IdPath, @Body() dto: LockPeriodDto) {
    return this.locks.lock(actor, programmeId, dto);
  }

  @Get()
  @PagedChildList(PeriodLockView, {
    summary: "The programme's locked reporting periods (everyone who reads the programme)",
    description: 'Keyset pages `{items, nextCursor}` in period order.',
  })
  list(@CurrentActor() actor: Actor, @Param() { id: programmeId }: IdPath, @Query() query: PageQueryDto) {
    return this.locks.list(actor, programmeId, query);
  }

  @Delete(':lockId')
  @HttpCode(204)
  @Operation({ summary: 'Unlock a reporting period (programme managers)', problems: [400, 403, 404, 409] })
  async unlock(
    @CurrentActor() actor: Actor,
    @Param() { id: programmeId, lockId }: PeriodLockPath,
  ): Promise<void> {
    await this.locks.unlock(actor, programmeId, lockId);
  }
}
