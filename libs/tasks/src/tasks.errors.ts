import { LibraryError } from '@tandem/core';

export enum TasksErrorCode {
  TaskTransitionNotAllowed = 'TASK_TRANSITION_NOT_ALLOWED',
  TaskBlockedByDependency = 'TASK_BLOCKED_BY_DEPENDENCY',
  DependencyCycle = 'DEPENDENCY_CYCLE',
  AssigneeNotPartner = 'ASSIGNEE_NOT_PARTNER',
  AssigneeNotMember = 'ASSIGNEE_NOT_MEMBER',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class TasksError extends LibraryError<TasksErrorCode> {}
