import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Actor, PageQueryDto } from '@tandem/core';
import {
  CreateTaskCommentDto,
  TaskCommentsService,
  TaskCommentView,
  TaskHistoryEntry,
  TaskHistoryService,
  TasksService,
  TransitionTaskDto,
  UpdateTaskDto,
} from '@tandem/tasks';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation, PagedChildList } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath } from '../http/path-params.dto';

@ApiTags('tasks')
@Authenticated()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly comments: TaskCommentsService,
    private readonly history: TaskHistoryService,
  ) {}

  @Get(':id')
  @Operation({ summary: 'A task (anyone who may read its programme)', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.tasks.get(actor, id);
  }

  @Patch(':id')
  @Operation({
    summary: 'Edit a task',
    description:
      'Programme managers may change every field; members of the assignee organisation may change ' +
      '`description`, and `assigneeUserId` to one of their colleagues. Requires If-Match with the ETag read.',
    problems: [400, 403, 404, 409, 412, 422, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateTaskDto,
  ) {
    return this.tasks.update(actor, id, expectedVersion, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Operation({
    summary: 'Move a task through its states',
    description:
      'todo → in_progress → done; in_progress ↔ blocked (with a reason); done → in_progress (reopen); ' +
      'anything but cancelled → cancelled (programme managers only). A task cannot start while a task ' +
      'it waits for is open. Programme managers and members of the assignee organisation.',
    problems: [400, 403, 404, 409],
  })
  async transition(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: TransitionTaskDto) {
    return this.tasks.transition(actor, id, dto);
  }

  @Post(':id/comments')
  @Idempotent()
  @Operation({
    summary: 'Comment on a task (programme managers and working partners)',
    description:
      'Mention someone with `@` and their e-mail address; they are notified if they may read the programme.',
    problems: [400, 403, 404, 409],
  })
  @ApiCreatedResponse({ description: 'The comment', type: TaskCommentView })
  addComment(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: CreateTaskCommentDto) {
    return this.comments.add(actor, id, dto);
  }

  @Get(':id/comments')
  @PagedChildList(TaskCommentView, {
    summary: "A task's comments, oldest first; keyset pages `{items, nextCursor}`",
  })
  listComments(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Query() page: PageQueryDto) {
    return this.comments.list(actor, id, page);
  }

  @Get(':id/history')
  @PagedChildList(TaskHistoryEntry, {
    summary: 'Who changed what on a task, and when',
    description: 'From the audit trail, the task and its comments, newest first; keyset pages.',
  })
  listHistory(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Query() page: PageQueryDto) {
    return this.history.list(actor, id, page);
  }
}
