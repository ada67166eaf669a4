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
import { ReportFormat, ReportKind } from './report.entity';

export enum ReportCadence {
  Weekly = 'weekly',
  Monthly = 'monthly',
}

/** A report its owner wants built every week or month and delivered to recipients. */
@Entity('report_schedules')
@Index('idx_report_schedules_owner', ['ownerUserId', 'createdAt', 'id'])
export class ReportSchedule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'fk_report_schedules_owner_user' })
  owner?: unknown;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ReportKind;

  @Column({ type: 'varchar', length: 8 })
  format!: ReportFormat;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  parameters!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 8 })
  cadence!: ReportCadence;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  recipientUserIds!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  lastFiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
