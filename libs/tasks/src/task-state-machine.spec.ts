import { TaskState } from './entities';
import { canTransition, isOpen, needsDependenciesDone, TASK_TRANSITIONS } from './task-state-machine';

describe('task state machine', () => {
  const { Todo, InProgress, Blocked, Done, Cancelled } = TaskState;

  it.each([
    [Todo, InProgress],
    [InProgress, Done],
    [InProgress, Blocked],
    [Blocked, InProgress],
    [Done, InProgress],
    [Todo, Cancelled],
    [InProgress, Cancelled],
    [Blocked, Cancelled],
    [Done, Cancelled],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    [Todo, Done],
    [Todo, Blocked],
    [Blocked, Done],
    [Done, Blocked],
    [Done, Todo],
    [InProgress, Todo],
    [Cancelled, InProgress],
    [Cancelled, Todo],
    [Todo, Todo],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('makes cancelled final and covers every state', () => {
    expect(TASK_TRANSITIONS[Cancelled]).toEqual([]);
    expect(Object.keys(TASK_TRANSITIONS).sort()).toEqual(Object.values(TaskState).sort());
  });

  it('counts todo, in_progress and blocked as open', () => {
    expect([Todo, InProgress, Blocked, Done, Cancelled].filter(isOpen)).toEqual([Todo, InProgress, Blocked]);
  });

  it('checks prerequisites only when a task moves to in_progress', () => {
    expect(Object.values(TaskState).filter(needsDependenciesDone)).toEqual([InProgress]);
  });
});
