import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CoreError,
  DeadLetterDto,
  DeadLetterPageDto,
  DeadLettersService,
  ListDeadLettersDto,
} from '@tandem/core';
import { Response } from 'express';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, QueueDashboardAuth } from './queue-dashboard.auth';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';

@ApiTags('admin')
@Authenticated()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly deadLetters: DeadLettersService,
    private readonly dashboard: QueueDashboardAuth,
  ) {}

  @Get('dead-letters')
  @Operation({
    summary: 'Jobs that failed for good, newest first (platform admins)',
    description: 'Any queue; filter `queue`, `replayed`; keyset pages.',
    ok: DeadLetterPageDto,
    problems: [400, 403],
  })
  list(@CurrentActor() actor: Actor, @Query() query: ListDeadLettersDto) {
    return this.deadLetters.list(actor, query);
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @Operation({
    summary: 'Enqueue a dead job again, once (platform admins)',
    description: 'The replay gets a new job id (`replayJobId`); a second replay is 409.',
    ok: DeadLetterDto,
    problems: [400, 403, 404, 409],
  })
  replay(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.deadLetters.replay(actor, id);
  }

  @Post('queues/session')
  @HttpCode(204)
  @Operation({
    summary: 'Open the queue dashboard in a browser (platform admins)',
    description: `Sets an HttpOnly, SameSite=Strict cookie for ${DASHBOARD_PATH}, valid 15 minutes; then open ${DASHBOARD_PATH}.`,
    problems: [403],
  })
  @ApiNoContentResponse({ description: 'Cookie set' })
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
