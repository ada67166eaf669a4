import { DomainError } from '@tandem/core';

export enum TasksErrorCode {
  TaskTransitionNotAllowed = 'TASK_TRANSITION_NOT_ALLOWED',
  TaskBlockedByDependency = 'TASK_BLOCKED_BY_DEPENDENCY',
  DependencyCycle = 'DEPENDENCY_CYCLE',
  AssigneeNotPartner = 'ASSIGNEE_NOT_PARTNER',
  AssigneeNotMember = 'ASSIGNEE_NOT_MEMBER',
}

export class TasksError extends DomainError<TasksErrorCode> {
  /** `field`: the request field at fault, reported in the problem's `errors`. */
  constructor(code: TasksErrorCode, message: string, field?: string) {
    super(code, message, field ? [{ field, message }] : undefined);
  }
}
