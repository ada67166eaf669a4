import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { PageQueryDto, Actor } from '@tandem/core';
import { LockPeriodDto, PeriodLocksService } from '@tandem/programmes';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('indicators')
@Authenticated()
@Controller('programmes/:id/period-locks')
export class PeriodLocksController {
  constructor(private readonly locks: PeriodLocksService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Lock a reporting period (programme managers)',
    description:
      'While locked, no indicator value whose period overlaps it can be reported or corrected. ' +
      '409 PERIOD_ALREADY_LOCKED when this exact period is locked already.',
  })
  @ApiProblems(400, 403, 404, 409, 422)
  lock(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) programmeId: string,
    @Body() dto: LockPeriodDto,
  ) {
    return this.locks.lock(actor, programmeId, dto);
  }

  @Get()
  @ApiOperation({
    summary: "The programme's locked reporting periods (everyone who reads the programme)",
    description: 'Keyset pages `{items, nextCursor}` in period order.',
  })
  @ApiProblems(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) programmeId: string,
    @Query() query: PageQueryDto,
  ) {
    return this.locks.list(actor, programmeId, query);
  }

  @Delete(':lockId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlock a reporting period (programme managers)' })
  @ApiProblems(400, 403, 404, 409)
  async unlock(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) programmeId: string,
    @Param('lockId', uuidParam('lockId')) lockId: string,
  ): Promise<void> {
    await this.locks.unlock(actor, programmeId, lockId);
  }
}
