import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
import { CreateTaskDto, ListTasksDto, TasksService, TaskView } from '@tandem/tasks';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation, PagedChildList } from '../http/api-problems.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

/** The work plan of one programme. */
@ApiTags('tasks')
@Authenticated()
@Controller('programmes/:id/tasks')
export class ProgrammeTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Create a task (programme managers)',
    description:
      'Assigned to an active partner with a working role, optionally to one of its members; ' +
      '`blockedBy` lists tasks of the same programme that must be finished first.',
    problems: [400, 403, 404, 409, 422],
  })
  @LocatedAt('/tasks')
  create(@CurrentActor() actor: Actor, @Param() { id: programmeId }: IdPath, @Body() dto: CreateTaskDto) {
    return this.tasks.create(actor, programmeId, dto);
  }

  @Get()
  @PagedChildList(TaskView, {
    summary: "A programme's tasks (anyone who may read the programme)",
    description:
      'Filters `state` (one or a comma-separated list), `assigneeOrganizationId`, `assigneeUserId`, ' +
      '`milestoneId`, `overdue`; keyset pages `{items, nextCursor}` in the order the tasks were created.',
  })
  list(@CurrentActor() actor: Actor, @Param() { id: programmeId }: IdPath, @Query() filter: ListTasksDto) {
    return this.tasks.list(actor, programmeId, filter);
  }
}
