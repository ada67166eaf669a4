import { Actor } from '@tandem/core';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ListMyTasksDto, TasksService } from '@tandem/tasks';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';

@ApiTags('tasks')
@Authenticated()
@Controller('me/tasks')
export class MyTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({
    summary: 'My open tasks across programmes',
    description:
      'Open tasks assigned to me or to one of my organisations, in programmes I may read: overdue ' +
      'first, then by due date (undated last), urgent before low; keyset pages `{items, nextCursor}`.',
  })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() filter: ListMyTasksDto) {
    return this.tasks.listMine(actor, filter);
  }
}
