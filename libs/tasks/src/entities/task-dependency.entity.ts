import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Task } from './task.entity';

/** `taskId` cannot start while `dependsOnTaskId` is open. Cycles are refused when written. */
@Entity('task_dependencies')
@Index('idx_task_dependencies_depends_on', ['dependsOnTaskId'])
export class TaskDependency {
  @PrimaryColumn('uuid')
  taskId!: string;

  @PrimaryColumn('uuid')
  dependsOnTaskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_dependencies_task' })
  task?: Task;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'depends_on_task_id', foreignKeyConstraintName: 'fk_task_dependencies_depends_on' })
  dependsOn?: Task;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
