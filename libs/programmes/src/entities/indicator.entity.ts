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

export enum IndicatorKind {
  /** One value per period. */
  Plain = 'plain',
  /** A migrant value and a host-population value per period; progress is measured on the gap. */
  Gap = 'gap',
}

export enum IndicatorDirection {
  Increase = 'increase',
  Decrease = 'decrease',
}

@Entity('indicators')
@Index('idx_indicators_programme', ['programmeId', 'createdAt', 'id'])
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_indicators_programme' })
  programme?: Programme;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  dimension!: string;

  @Column({ type: 'varchar', length: 40 })
  unit!: string;

  @Column({ type: 'varchar', length: 8, default: IndicatorKind.Plain })
  kind!: IndicatorKind;

  /** For a gap indicator: the baseline gap (migrant minus host). */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  baseline!: string;

  /** For a gap indicator: the target gap. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  target!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: IndicatorDirection;

  /**
   * The framework indicator this one adopts (e.g. `eu-zaragoza:employment-rate`): its definition,
   * unit, direction and kind were copied from the read-only catalogue when it was defined.
   */
  @Column({ type: 'varchar', length: 80, nullable: true })
  frameworkIndicatorCode!: string | null;

  /** The adopted framework indicator's definition (English), null for a programme's own indicator. */
  @Column({ type: 'text', nullable: true })
  definition!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
