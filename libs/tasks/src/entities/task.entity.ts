import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export enum TaskState {
  Todo = 'todo',
  InProgress = 'in_progress',
  Blocked = 'blocked',
  Done = 'done',
  Cancelled = 'cancelled',
}

export enum TaskPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

/** States in which a task still counts as open (blocks its dependants, shows as work to do). */
export const OPEN_TASK_STATES: readonly TaskState[] = [
  TaskState.Todo,
  TaskState.InProgress,
  TaskState.Blocked,
];

/** A work item of a programme, assigned to a partner organisation and optionally one of its people. */
@Entity('tasks')
@Index('idx_tasks_programme', ['programmeId', 'createdAt', 'id'])
@Index('idx_tasks_assignee_organization', ['assigneeOrganizationId', 'state'])
@Index('idx_tasks_assignee_user', ['assigneeUserId', 'state'])
@Index('idx_tasks_milestone', ['milestoneId'])
@Index('idx_tasks_programme_counts', ['programmeId', 'assigneeOrganizationId', 'state'])
// Partial and expression indexes of the read path, written in migration 1796100000000
// (ReadPathIndexes): TypeORM cannot describe them, so it leaves them alone.
@Index('idx_tasks_open_organization_order', { synchronize: false })
@Index('idx_tasks_open_user_order', { synchronize: false })
@Index('idx_tasks_programme_overdue', { synchronize: false })
@Index('idx_tasks_milestone_state', { synchronize: false })
// The reminder sweep's pending rows (migration 1797100000000, TaskReminderDates).
@Index('idx_tasks_due_soon_pending', { synchronize: false })
@Index('idx_tasks_overdue_pending', { synchronize: false })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne('Programme', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_tasks_programme' })
  programme?: unknown;

  @Column({ type: 'uuid', nullable: true })
  milestoneId!: string | null;

  @ManyToOne('Milestone', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'fk_tasks_milestone' })
  milestone?: unknown;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'uuid' })
  assigneeOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'assignee_organization_id',
    foreignKeyConstraintName: 'fk_tasks_assignee_organization',
  })
  assigneeOrganization?: unknown;

  @Column({ type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_user_id', foreignKeyConstraintName: 'fk_tasks_assignee_user' })
  assigneeUser?: unknown;

  @Column({ type: 'varchar', length: 8, default: TaskPriority.Normal })
  priority!: TaskPriority;

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'varchar', length: 16, default: TaskState.Todo })
  state!: TaskState;

  @Column({ type: 'text', nullable: true })
  blockedReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  /**
   * When the "due soon" and "overdue" reminders are due (task-reminder-schedule.ts), set with every
   * change of due date or state; null when there is none (no due date, task closed). The sweep
   * (TaskReminderSweep) sends each once and stamps `…SentAt`; a new due date clears the stamps.
   */
  @Column({ type: 'timestamptz', nullable: true })
  dueSoonAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueSoonSentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueSentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
