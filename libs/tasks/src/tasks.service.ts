import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainWrite } from '@tandem/audit';

import {
  AppConfig,
  Clock,
  CoreError,
  CoreErrorCode,
  mapPage,
  Page,
  Actor,
  assertVersion,
  orNotFound,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { PartnerRole, PartnerStatus, ProgrammeAccess, ProgrammeAccessService } from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { CreateTaskDto, ListMyTasksDto, ListTasksDto, TransitionTaskDto, UpdateTaskDto } from './dto';
import { Task, TaskPriority, TaskState } from './entities';
import { TaskAccessService } from './task-access.service';
import { ReminderDates, reminderDates, todayUtc } from './task-reminder-schedule';
import { canTransition, isOpen, needsDependenciesDone } from './task-state-machine';
import { taskSnapshot, TaskView, taskView } from './task.view';
import { TasksError, TasksErrorCode } from './tasks.errors';
import { TasksRepository } from './tasks.repository';

/** Fields the assignee organisation's own people may change; the rest is the managers'. */
const ASSIGNEE_EDITABLE: ReadonlySet<keyof UpdateTaskDto> = new Set(['description', 'assigneeUserId']);

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly write: DomainWrite,
    private readonly tasks: TasksRepository,
    private readonly taskAccess: TaskAccessService,
    private readonly programmes: ProgrammeAccessService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, programmeId: string, dto: CreateTaskDto): Promise<TaskView> {
    return this.write.run(async (em) => {
      const access = await this.programmes.require(actor, programmeId, 'manage', em);
      this.taskAccess.assertProgrammeOpen(access);
      const assigneeUserId = dto.assigneeUserId ?? null;
      await this.assertAssignee(em, programmeId, dto.assigneeOrganizationId, assigneeUserId);
      if (dto.milestoneId) await this.assertMilestone(em, programmeId, dto.milestoneId);
      const blockedBy = dto.blockedBy ?? [];
      // Lock before reading the graph, so the check below sees every committed edge.
      if (blockedBy.length) await this.tasks.lockProgramme(em, programmeId);
      await this.assertPrerequisites(em, programmeId, blockedBy);

      const { id } = await em.save(
        Task,
        em.create(Task, {
          programmeId,
          milestoneId: dto.milestoneId ?? null,
          title: dto.title,
          description: dto.description ?? '',
          assigneeOrganizationId: dto.assigneeOrganizationId,
          assigneeUserId,
          priority: dto.priority ?? TaskPriority.Normal,
          dueDate: dto.dueDate ?? null,
          state: TaskState.Todo,
          blockedReason: null,
          completedAt: null,
          createdByUserId: actor.userId,
          ...this.reminders(dto.dueDate ?? null, true),
        }),
      );
      // A new task has no dependants yet, so this cannot close a loop; checked anyway so the rule
      // lives in one place.
      await this.setPrerequisites(em, id, blockedBy);
      const task = await em.findOneByOrFail(Task, { id });
      await this.write.auditCreate(em, 'task', id, taskSnapshot(task, blockedBy));
      await this.notifyAssigned(em, actor, access, task);
      return taskView(task, blockedBy, this.today());
    });
  }

  async get(actor: Actor, id: string): Promise<TaskView> {
    const { task } = await this.taskAccess.load(actor, id);
    const deps = await this.tasks.dependenciesOf(this.dataSource.manager, [id]);
    return taskView(task, deps.get(id) ?? [], this.today());
  }

  async list(actor: Actor, programmeId: string, filter: ListTasksDto): Promise<Page<TaskView>> {
    await this.programmes.require(actor, programmeId, 'read');
    return this.views(await this.tasks.listInProgramme(programmeId, filter, this.today()));
  }

  async listMine(actor: Actor, filter: ListMyTasksDto): Promise<Page<TaskView>> {
    const today = this.today();
    return mapPage(await this.tasks.listForActor(actor, filter, today), ({ task, blockedBy }) =>
      taskView(task, blockedBy, today),
    );
  }

  /**
   * A partial edit under optimistic concurrency (`expectedVersion` from If-Match). Managers may
   * change everything; the assignee organisation's members the description, and who of them
   * does the task. Fields sent with their current value are not changes.
   */
  async update(actor: Actor, id: string, expectedVersion: number, dto: UpdateTaskDto): Promise<TaskView> {
    return this.write.run(async (em) => {
      const { task: seen, access } = await this.taskAccess.load(actor, id, em);
      if (!this.taskAccess.canWork(access, seen))
        throw CoreError.forbidden(
          'Only the programme managers and the assignee organisation may edit this task',
        );
      this.taskAccess.assertProgrammeOpen(access);
      // Programme before task, always in this order, so concurrent edits cannot deadlock.
      if (dto.blockedBy !== undefined) await this.tasks.lockProgramme(em, seen.programmeId);
      const current = orNotFound(await this.tasks.findById(em, id, true), 'Task');
      assertVersion(current, expectedVersion, 'task');
      // Reassigned between the first read and the lock: judge against the task as it is now.
      if (!this.taskAccess.canWork(access, current))
        throw CoreError.forbidden(
          'Only the programme managers and the assignee organisation may edit this task',
        );
      const currentDeps = (await this.tasks.dependenciesOf(em, [id])).get(id) ?? [];
      const changed = this.changedFields(current, currentDeps, dto);
      if (!access.isManager) {
        const refused = changed.filter((f) => !ASSIGNEE_EDITABLE.has(f));
        if (refused.length)
          throw new CoreError(
            CoreErrorCode.Forbidden,
            `Only the programme managers may change ${refused.join(', ')}`,
            refused.map((field) => ({ field, message: 'only the programme managers may change it' })),
          );
      }
      if (!changed.length) return taskView(current, currentDeps, this.today());

      const next: Task = { ...current };
      if (changed.includes('title')) next.title = dto.title!;
      if (changed.includes('description')) next.description = dto.description!;
      if (changed.includes('priority')) next.priority = dto.priority!;
      if (changed.includes('dueDate')) next.dueDate = dto.dueDate ?? null;
      if (changed.includes('milestoneId')) {
        next.milestoneId = dto.milestoneId ?? null;
        if (next.milestoneId) await this.assertMilestone(em, current.programmeId, next.milestoneId);
      }
      if (changed.includes('assigneeOrganizationId'))
        next.assigneeOrganizationId = dto.assigneeOrganizationId!;
      if (changed.includes('assigneeUserId')) next.assigneeUserId = dto.assigneeUserId ?? null;
      const reassigned =
        next.assigneeOrganizationId !== current.assigneeOrganizationId ||
        next.assigneeUserId !== current.assigneeUserId;
      if (next.assigneeOrganizationId !== current.assigneeOrganizationId) {
        await this.assertAssignee(em, current.programmeId, next.assigneeOrganizationId, null);
        // Moving the task to another organisation drops a person who is not one of its members.
        if (
          dto.assigneeUserId === undefined &&
          next.assigneeUserId &&
          !(await this.tasks.isMember(em, next.assigneeUserId, next.assigneeOrganizationId))
        )
          next.assigneeUserId = null;
      }
      if (next.assigneeUserId && next.assigneeUserId !== current.assigneeUserId)
        await this.assertMember(em, next.assigneeOrganizationId, next.assigneeUserId);
      let deps = currentDeps;
      if (changed.includes('blockedBy')) {
        deps = dto.blockedBy!;
        await this.assertPrerequisites(em, current.programmeId, deps, id);
        await this.setPrerequisites(em, id, deps);
      }

      await em.update(
        Task,
        { id },
        {
          title: next.title,
          description: next.description,
          priority: next.priority,
          dueDate: next.dueDate,
          milestoneId: next.milestoneId,
          assigneeOrganizationId: next.assigneeOrganizationId,
          assigneeUserId: next.assigneeUserId,
          // A new date re-arms both reminders (the old date's stamps no longer apply).
          ...(next.dueDate !== current.dueDate
            ? {
                ...this.reminders(next.dueDate, isOpen(current.state)),
                dueSoonSentAt: null,
                overdueSentAt: null,
              }
            : {}),
          version: () => 'version + 1',
          updatedAt: () => 'now()',
        },
      );
      const task = await em.findOneByOrFail(Task, { id });
      await this.write.auditUpdate(
        em,
        'task',
        id,
        taskSnapshot(current, currentDeps),
        taskSnapshot(task, deps),
      );
      if (reassigned) await this.notifyAssigned(em, actor, access, task);
      return taskView(task, deps, this.today());
    });
  }

  async transition(actor: Actor, id: string, dto: TransitionTaskDto): Promise<TaskView> {
    const reason = dto.reason?.trim() || null;
    if (dto.to === TaskState.Blocked && !reason)
      throw CoreError.invalid('reason', 'is required to block a task');
    return this.write.run(async (em) => {
      const { task: current, access } = await this.taskAccess.load(actor, id, em);
      this.taskAccess.assertCanTransition(access, current, dto.to);
      this.taskAccess.assertProgrammeOpen(access);
      const from = current.state;
      if (!canTransition(from, dto.to))
        throw new TasksError(
          TasksErrorCode.TaskTransitionNotAllowed,
          `A task cannot move from ${from} to ${dto.to}`,
          'to',
        );
      if (needsDependenciesDone(dto.to)) {
        const open = await this.tasks.openPrerequisites(em, id);
        if (open.length)
          throw new TasksError(
            TasksErrorCode.TaskBlockedByDependency,
            `Finish first: ${open.map((t) => `"${t.title}" (${t.state})`).join(', ')}`,
          );
      }
      const moved = await this.tasks.compareAndSetState(
        em,
        id,
        {
          state: from,
          // A partner was allowed as the assignee: if the task is reassigned meanwhile, it loses.
          ...(access.isManager ? {} : { assigneeOrganizationId: current.assigneeOrganizationId }),
        },
        {
          state: dto.to,
          blockedReason: dto.to === TaskState.Blocked ? reason : null,
          completedAt: dto.to === TaskState.Done ? this.clock.now() : null,
          // Finishing drops the reminders, reopening brings back those not sent for this date.
          ...(isOpen(from) !== isOpen(dto.to) ? this.reminders(current.dueDate, isOpen(dto.to)) : {}),
        },
      );
      if (!moved) {
        throw new TasksError(
          TasksErrorCode.TaskTransitionNotAllowed,
          'The task changed meanwhile; reload and retry',
          'to',
        );
      }
      const task = await em.findOneByOrFail(Task, { id });
      const deps = (await this.tasks.dependenciesOf(em, [id])).get(id) ?? [];
      await this.write.auditUpdate(
        em,
        'task',
        id,
        { state: from, blockedReason: current.blockedReason, completedAt: current.completedAt },
        {
          state: task.state,
          blockedReason: task.blockedReason,
          completedAt: task.completedAt,
          ...(reason ? { reason } : {}),
        },
      );
      await this.notifications.notify(em, {
        type: 'task.state_changed',
        subject: { type: 'task', id },
        recipients: {
          programmeManagersOf: task.programmeId,
          organizationIds: [task.assigneeOrganizationId],
          exceptUserId: actor.userId,
        },
        params: {
          taskTitle: task.title,
          programmeTitle: access.programme.title,
          from,
          to: task.state,
          reason,
          actorName: await this.tasks.userName(em, actor.userId),
        },
      });
      return taskView(task, deps, this.today());
    });
  }

  /** The fields of `dto` whose value differs from the task's. */
  private changedFields(task: Task, deps: string[], dto: UpdateTaskDto): (keyof UpdateTaskDto)[] {
    const changed: (keyof UpdateTaskDto)[] = [];
    const simple = [
      'title',
      'description',
      'milestoneId',
      'assigneeOrganizationId',
      'assigneeUserId',
      'priority',
      'dueDate',
    ] as const;
    for (const field of simple) {
      const value = dto[field];
      if (value !== undefined && (value ?? null) !== task[field]) changed.push(field);
    }
    if (dto.blockedBy !== undefined) {
      const a = [...dto.blockedBy].sort().join();
      const b = [...deps].sort().join();
      if (a !== b) changed.push('blockedBy');
    }
    return changed;
  }

  /** The assignee must be an active partner with a working role, and the person one of its members. */
  private async assertAssignee(
    em: EntityManager,
    programmeId: string,
    organizationId: string,
    userId: string | null,
  ): Promise<void> {
    const partner = await this.tasks.partnership(em, programmeId, organizationId);
    if (!partner || partner.status !== PartnerStatus.Active || partner.role === PartnerRole.Observer)
      throw new TasksError(
        TasksErrorCode.AssigneeNotPartner,
        'Tasks go to active partners of the programme with a working role (not observers)',
        'assigneeOrganizationId',
      );
    if (userId) await this.assertMember(em, organizationId, userId);
  }

  private async assertMember(em: EntityManager, organizationId: string, userId: string): Promise<void> {
    if (!(await this.tasks.isMember(em, userId, organizationId)))
      throw new TasksError(
        TasksErrorCode.AssigneeNotMember,
        'The assignee must be a member of the assignee organisation',
        'assigneeUserId',
      );
  }

  private async assertMilestone(em: EntityManager, programmeId: string, milestoneId: string): Promise<void> {
    if (!(await this.tasks.milestoneInProgramme(em, programmeId, milestoneId)))
      throw CoreError.invalid('milestoneId', 'is not a milestone of this programme');
  }

  /** Prerequisites must be other tasks of the same programme. */
  private async assertPrerequisites(
    em: EntityManager,
    programmeId: string,
    ids: string[],
    taskId?: string,
  ): Promise<void> {
    if (taskId && ids.includes(taskId))
      throw new TasksError(TasksErrorCode.DependencyCycle, 'A task cannot wait for itself', 'blockedBy');
    const found = await this.tasks.tasksInProgramme(em, programmeId, ids);
    const foreign = ids.filter((i) => !found.has(i));
    if (foreign.length)
      throw CoreError.invalid('blockedBy', `must be tasks of this programme (not ${foreign.join(', ')})`);
  }

  /** Writes the prerequisites after refusing a cycle. The caller holds the programme lock. */
  private async setPrerequisites(em: EntityManager, taskId: string, ids: string[]): Promise<void> {
    if (await this.tasks.wouldCycle(em, taskId, ids))
      throw new TasksError(
        TasksErrorCode.DependencyCycle,
        'These prerequisites would make the tasks wait for each other in a loop',
        'blockedBy',
      );
    await this.tasks.replaceDependencies(em, taskId, ids);
  }

  private async notifyAssigned(
    em: EntityManager,
    actor: Actor,
    access: ProgrammeAccess,
    task: Task,
  ): Promise<void> {
    await this.notifications.notify(em, {
      type: 'task.assigned',
      subject: { type: 'task', id: task.id },
      recipients: {
        ...(task.assigneeUserId
          ? { userIds: [task.assigneeUserId] }
          : { organizationIds: [task.assigneeOrganizationId] }),
        exceptUserId: actor.userId,
      },
      params: {
        taskTitle: task.title,
        programmeTitle: access.programme.title,
        organizationName: await this.tasks.organizationName(em, task.assigneeOrganizationId),
        dueDate: task.dueDate,
      },
    });
  }

  private async views(page: Page<Task>): Promise<Page<TaskView>> {
    const deps = await this.tasks.dependenciesOf(
      this.dataSource.manager,
      page.items.map((t) => t.id),
    );
    const today = this.today();
    return {
      items: page.items.map((t) => taskView(t, deps.get(t.id) ?? [], today)),
      nextCursor: page.nextCursor,
      total: page.total,
    };
  }

  /** When the reminders of a task due on `dueDate` are due (the sweep sends them). */
  private reminders(dueDate: string | null, open: boolean): ReminderDates {
    return reminderDates(dueDate, open, this.clock.now(), this.config.TASK_DUE_REMINDER_HOURS);
  }

  private today(): string {
    return todayUtc(this.clock.now());
  }
}
