import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

import { CoreError, PageQueryDto, QueueName, Actor } from '@tandem/core';
import { DeadLettersService } from '@tandem/notifications';
import { Response } from 'express';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, QueueDashboardAuth } from '../admin/queue-dashboard.auth';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

class ListDeadLettersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QueueName })
  @IsOptional()
  @IsIn(Object.values(QueueName))
  queue?: string;

  @ApiPropertyOptional({ description: 'true: only replayed ones; false: only those not replayed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  replayed?: boolean;
}

class DeadLetterDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: QueueName }) queue!: string;
  @ApiProperty({ example: 'webhook.deliver' }) jobName!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) replayedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) replayedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Job id of the replay' }) replayJobId!:
    string | null;
}

class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('admin')
@Authenticated()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly deadLetters: DeadLettersService,
    private readonly dashboard: QueueDashboardAuth,
  ) {}

  @Get('dead-letters')
  @ApiOperation({
    summary: 'Jobs that failed for good, newest first (platform admins)',
    description: 'Any queue; filter `queue`, `replayed`; keyset pages.',
  })
  @ApiOkResponse({ type: DeadLetterPageDto })
  @ApiProblems(400, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListDeadLettersDto) {
    return this.deadLetters.list(actor, query);
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enqueue a dead job again, once (platform admins)',
    description: 'The replay gets a new job id (`replayJobId`); a second replay is 409.',
  })
  @ApiOkResponse({ type: DeadLetterDto })
  @ApiProblems(400, 403, 404, 409)
  replay(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.deadLetters.replay(actor, id);
  }

  @Post('queues/session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Open the queue dashboard in a browser (platform admins)',
    description: `Sets an HttpOnly, SameSite=Strict cookie for ${DASHBOARD_PATH}, valid 15 minutes; then open ${DASHBOARD_PATH}.`,
  })
  @ApiNoContentResponse({ description: 'Cookie set' })
  @ApiProblems(403)
  session(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): void {
    if (actor.platformRole !== 'admin')
      throw CoreError.forbidden('Only platform admins may open the queue dashboard');
    const cookie = this.dashboard.cookieFor(actor);
    res.cookie(DASHBOARD_COOKIE, cookie.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.dashboard.secureCookie,
      path: DASHBOARD_PATH,
      maxAge: cookie.maxAgeSeconds * 1000,
    });
  }
}
