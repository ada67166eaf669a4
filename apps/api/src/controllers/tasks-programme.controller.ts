import { Actor } from '@tandem/core';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { CreateTaskDto, ListTasksDto, TasksService } from '@tandem/tasks';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

/** The work plan of one programme. */
@ApiTags('tasks')
@Authenticated()
@Controller('programmes/:id/tasks')
export class ProgrammeTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Create a task (programme managers)',
    description:
      'Assigned to an active partner with a working role, optionally to one of its members; ' +
      '`blockedBy` lists tasks of the same programme that must be finished first.',
  })
  @ApiProblems(400, 403, 404, 409, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) programmeId: string,
    @Body() dto: CreateTaskDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const task = await this.tasks.create(actor, programmeId, dto);
    res.setHeader('Location', `/tasks/${task.id}`);
    return task;
  }

  @Get()
  @ApiOperation({
    summary: "A programme's tasks (anyone who may read the programme)",
    description:
      'Filters `state` (one or a comma-separated list), `assigneeOrganizationId`, `assigneeUserId`, ' +
      '`milestoneId`, `overdue`; keyset pages `{items, nextCursor}` in the order the tasks were created.',
  })
  @ApiProblems(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) programmeId: string,
    @Query() filter: ListTasksDto,
  ) {
    return this.tasks.list(actor, programmeId, filter);
  }
}
