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
import { Indicator } from './indicator.entity';

/** A reported value for one period. Gap indicators fill migrantValue and hostValue; value holds the gap. */
@Entity('indicator_values')
@Index('uq_indicator_values_period', ['indicatorId', 'periodStart', 'periodEnd'], { unique: true })
export class IndicatorValue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  indicatorId!: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_indicator_values_indicator' })
  indicator?: Indicator;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  value!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  migrantValue!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  hostValue!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  reportedByUserId!: string;

  @Column({ type: 'uuid' })
  reportedByOrganizationId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
