import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Programme } from './programme.entity';

/** While a period is locked, indicator values inside it cannot change. Unlocking deletes the row. */
@Entity('reporting_period_locks')
@Index('uq_reporting_period_locks_period', ['programmeId', 'periodStart', 'periodEnd'], { unique: true })
export class ReportingPeriodLock {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_reporting_period_locks_programme' })
  programme?: Programme;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'uuid' })
  lockedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  lockedAt!: Date;
}
