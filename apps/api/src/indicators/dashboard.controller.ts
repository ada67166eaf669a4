import { Actor } from '@tandem/core';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { DashboardService } from '@tandem/dashboard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { CachedRead } from '../http/read-cache.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('programmes')
@Authenticated()
@Controller('programmes/:id/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @CachedRead()
  @Operation({
    summary: 'The programme at a glance (everyone who reads the programme)',
    description:
      'Tasks by state and by assignee partner; open tasks past their due date (UTC); milestones with ' +
      'progress (done / tasks not cancelled) and an overdue flag; indicators with the value of the ' +
      'period that ends last and progress toward target (gap indicators on the absolute gap), clamped ' +
      'to [0, 1] in `progress` and unclamped in `progressRaw`; and each partner with the time of its ' +
      "members' last audited change to the programme's tasks, comments, indicator values or partnership. " +
      'Counts, values and ratios are JSON numbers; ratios are rounded to 6 decimals.',
    problems: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param() { id: programmeId }: IdPath) {
    return this.dashboard.get(actor, programmeId);
  }
}
