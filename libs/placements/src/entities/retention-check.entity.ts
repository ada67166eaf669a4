import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Placement } from './placement.entity';

export const CHECK_IN_MONTHS = [3, 6, 12] as const;
export type CheckInMonths = (typeof CHECK_IN_MONTHS)[number];

/**
 * scheduled → due (the check-in sweep found its `due_on` had come; `opened_at` says when) →
 * answered; scheduled or due → cancelled when the placement ended before the check-in's date.
 * `reminded_at`: when the sweep sent the unanswered reminder (once).
 */
export enum RetentionCheckStatus {
  Scheduled = 'scheduled',
  Due = 'due',
  Answered = 'answered',
  Cancelled = 'cancelled',
}

/** "Is the person still employed?" asked of the employer 3, 6 and 12 months after the start. */
@Entity('retention_checks')
@Index('uq_retention_checks_placement_months', ['placementId', 'months'], { unique: true })
@Index('idx_retention_checks_status_due_on', ['status', 'dueOn'])
/** The sweep's two walks (see CheckInsRepository.openDueBatch / remindBatch): pending rows only. */
@Index('idx_retention_checks_scheduled_due', ['dueOn', 'id'], { where: "status = 'scheduled'" })
@Index('idx_retention_checks_unreminded', ['openedAt', 'id'], {
  where: "status = 'due' AND reminded_at IS NULL",
})
export class RetentionCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @ManyToOne(() => Placement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_retention_checks_placement' })
  placement?: Placement;

  @Column({ type: 'smallint' })
  months!: CheckInMonths;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'varchar', length: 12, default: RetentionCheckStatus.Scheduled })
  status!: RetentionCheckStatus;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  stillEmployed!: boolean | null;

  @Column({ type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
