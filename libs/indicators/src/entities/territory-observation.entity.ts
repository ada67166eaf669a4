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

/**
 * An official figure for one territory, framework indicator and year: the migrant value and, for a
 * gap indicator, the host value. A revision replaces it (official statistics are revised), keeping
 * the audit trail of every version.
 */
@Entity('territory_observations')
@Index('uq_territory_observations_period', ['territoryCode', 'indicatorCode', 'period'], { unique: true })
@Index('idx_territory_observations_indicator', ['indicatorCode', 'territoryCode', 'period'])
export class TerritoryObservation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  territoryCode!: string;

  @ManyToOne('Territory', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_code', foreignKeyConstraintName: 'fk_territory_observations_territory' })
  territory?: unknown;

  @Column({ type: 'varchar', length: 80 })
  indicatorCode!: string;

  @ManyToOne('FrameworkIndicator', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_code', foreignKeyConstraintName: 'fk_territory_observations_indicator' })
  indicator?: unknown;

  /** Calendar year, `YYYY`. */
  @Column({ type: 'varchar', length: 4 })
  period!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  migrantValue!: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  hostValue!: string | null;

  @Column({ type: 'int', nullable: true })
  sampleSize!: number | null;

  /** The publisher's flag: the estimate rests on a small sample and is less reliable. */
  @Column({ type: 'boolean', default: false })
  smallSample!: boolean;

  @Column({ type: 'varchar', length: 500 })
  source!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'uuid' })
  publishedByOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'published_by_organization_id',
    foreignKeyConstraintName: 'fk_territory_observations_organization',
  })
  publishedByOrganization?: unknown;

  /** Kept when the user is deleted: the figure stays the organisation's publication. */
  @Column({ type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_user_id', foreignKeyConstraintName: 'fk_territory_observations_user' })
  publishedByUser?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
