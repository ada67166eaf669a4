import { Task, TaskPriority, TaskState } from './entities';
import { isOpen } from './task-state-machine';

export class TaskView {
  id!: string;
  programmeId!: string;
  milestoneId!: string | null;
  title!: string;
  description!: string;
  assigneeOrganizationId!: string;
  assigneeUserId!: string | null;
  priority!: TaskPriority;
  dueDate!: string | null;
  state!: TaskState;
  blockedReason!: string | null;
  /** Tasks of the same programme that must be finished before this one can start. */
  blockedBy!: string[];
  /** Open and due before today (UTC). */
  overdue!: boolean;
  completedAt!: Date | null;
  createdByUserId!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;
}

export function taskView(task: Task, blockedBy: string[], today: string): TaskView {
  return {
    id: task.id,
    ...editableFields(task),
    blockedBy: [...blockedBy].sort(),
    overdue: task.dueDate !== null && task.dueDate < today && isOpen(task.state),
    completedAt: task.completedAt,
    createdByUserId: task.createdByUserId,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    version: task.version,
  };
}

/** What the audit trail keeps of a task: everything a person edits, and its dependencies. */
export function taskSnapshot(task: Task, blockedBy: string[]): Record<string, unknown> {
  return {
    ...editableFields(task),
    completedAt: task.completedAt,
    blockedBy: [...blockedBy].sort(),
  };
}

/** What people edit on a task (directly or by moving it): shared by its view and its audit snapshot. */
function editableFields(task: Task) {
  return {
    programmeId: task.programmeId,
    milestoneId: task.milestoneId,
    title: task.title,
    description: task.description,
    assigneeOrganizationId: task.assigneeOrganizationId,
    assigneeUserId: task.assigneeUserId,
    priority: task.priority,
    dueDate: task.dueDate,
    state: task.state,
    blockedReason: task.blockedReason,
  };
}
