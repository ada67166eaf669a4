import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Task } from './task.entity';

@Entity('task_comments')
@Index('idx_task_comments_task', ['taskId', 'createdAt', 'id'])
export class TaskComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_comments_task' })
  task?: Task;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'fk_task_comments_author' })
  author?: unknown;

  @Column({ type: 'text' })
  body!: string;

  /** User ids @mentioned in the body (members of the programme's partners only). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentionedUserIds!: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
