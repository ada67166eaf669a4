import { OPEN_TASK_STATES, TaskState } from './entities';

/**
 * todo → in_progress → done; in_progress ↔ blocked; done → in_progress (reopen); anything not yet
 * cancelled → cancelled. Cancelled is final.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  [TaskState.Todo]: [TaskState.InProgress, TaskState.Cancelled],
  [TaskState.InProgress]: [TaskState.Done, TaskState.Blocked, TaskState.Cancelled],
  [TaskState.Blocked]: [TaskState.InProgress, TaskState.Cancelled],
  [TaskState.Done]: [TaskState.InProgress, TaskState.Cancelled],
  [TaskState.Cancelled]: [],
};

export const canTransition = (from: TaskState, to: TaskState): boolean => TASK_TRANSITIONS[from].includes(to);

export const isOpen = (state: TaskState): boolean => OPEN_TASK_STATES.includes(state);

/** Moving to in_progress (starting, unblocking or reopening) needs every prerequisite finished. */
export const needsDependenciesDone = (to: TaskState): boolean => to === TaskState.InProgress;
