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
import { Programme } from './programme.entity';

/** A point in the work plan; its progress is derived from its tasks, never stored. */
@Entity('milestones')
@Index('idx_milestones_programme', ['programmeId', 'dueDate', 'id'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_milestones_programme' })
  programme?: Programme;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
