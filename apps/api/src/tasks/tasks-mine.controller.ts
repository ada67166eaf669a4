import { Controller, Get, Query } from '@nestjs/common';
import { Actor } from '@tandem/core';
import { ApiTags } from '@nestjs/swagger';
import { ListMyTasksDto, TasksService, TaskView } from '@tandem/tasks';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, PagedList } from '../http/api-problems.decorator';
import { CachedRead } from '../http/read-cache.interceptor';

@ApiTags('tasks')
@Authenticated()
@Controller('me/tasks')
export class MyTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @CachedRead()
  @PagedList(TaskView, {
    summary: 'My open tasks across programmes',
    description:
      'Open tasks assigned to me or to one of my organisations, in programmes I may read: overdue ' +
      'first, then by due date (undated last), urgent before low; keyset pages `{items, nextCursor}`.',
  })
  list(@CurrentActor() actor: Actor, @Query() filter: ListMyTasksDto) {
    return this.tasks.listMine(actor, filter);
  }
}
