import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { authorize, hiddenAs, Actor, orNotFound } from '@tandem/core';
import {
  isClosed,
  ProgrammeAccess,
  ProgrammeAccessService,
  ProgrammesError,
  ProgrammesErrorCode,
} from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { Task, TaskState } from './entities';
import { TasksRepository } from './tasks.repository';

export interface TaskAccess {
  task: Task;
  access: ProgrammeAccess;
}

/**
 * Who may do what to one task. Reading follows the programme (its managers, its active and invited
 * partners, platform admins). Working a task (moving it, editing its description) is for the
 * programme managers and the members of the assignee organisation while it is a working partner;
 * cancelling and editing everything else is for the managers. A task in a programme the caller
 * cannot read is "not found", exactly like a task that does not exist.
 */
@Injectable()
export class TaskAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly programmes: ProgrammeAccessService,
  ) {}

  async load(actor: Actor, taskId: string, em: EntityManager = this.dataSource.manager): Promise<TaskAccess> {
    const task = orNotFound(await this.tasks.findById(em, taskId), 'Task');
    // A task in a programme the caller cannot read is "not found", like one that does not exist.
    return { task, access: await hiddenAs('Task', () => this.programmes.load(actor, task.programmeId, em)) };
  }

  /** Managers, and members of the assignee organisation while it works in the programme. */
  isAssigneeMember(access: ProgrammeAccess, task: Pick<Task, 'assigneeOrganizationId'>): boolean {
    return access.workingPartnerOrgIds.includes(task.assigneeOrganizationId);
  }

  canWork(access: ProgrammeAccess, task: Pick<Task, 'assigneeOrganizationId'>): boolean {
    return access.isManager || this.isAssigneeMember(access, task);
  }

  assertCanTransition(access: ProgrammeAccess, task: Task, to: TaskState): void {
    const cancelling = to === TaskState.Cancelled;
    authorize({
      what: 'Task',
      visible: true, // `load` has already hidden tasks the caller may not read
      permitted: cancelling ? access.isManager : this.canWork(access, task),
      reason: cancelling
        ? 'Only the programme managers may cancel a task'
        : 'Only the programme managers and the assignee organisation may move this task',
    });
  }

  assertCanComment(access: ProgrammeAccess): void {
    authorize({
      what: 'Task',
      visible: true,
      permitted: this.programmes.can(access, 'work'),
      reason: 'Only the programme managers and working partners may comment',
    });
  }

  /** Archived and cancelled programmes are history: their tasks no longer change. */
  assertProgrammeOpen(access: ProgrammeAccess): void {
    if (isClosed(access.programme.status))
      throw new ProgrammesError(
        ProgrammesErrorCode.ProgrammeNotActive,
        `The programme is ${access.programme.status}; its tasks can no longer change`,
      );
  }
}
