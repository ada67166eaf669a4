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

export enum ProgrammeStatus {
  Draft = 'draft',
  Active = 'active',
  Suspended = 'suspended',
  Completed = 'completed',
  Archived = 'archived',
  Cancelled = 'cancelled',
}

export const TARGET_GROUPS = [
  'refugees_and_asylum_seekers',
  'labour_migrants',
  'international_students',
  'family_migrants',
  'migrants_in_irregular_status',
  'second_generation',
  'host_community',
] as const;

export const INTEGRATION_DIMENSIONS = [
  'economic',
  'social',
  'cultural',
  'linguistic',
  'civic_political',
  'legal',
  'education',
  'health',
  'housing',
] as const;
export type IntegrationDimension = (typeof INTEGRATION_DIMENSIONS)[number];

/** A joint programme: led by one organisation, worked by its partners. */
@Entity('programmes')
@Index('idx_programmes_lead', ['leadOrganizationId'])
@Index('idx_programmes_created', ['createdAt', 'id'])
@Index('idx_programmes_dimensions', ['dimensions'])
// Partial index written by the PublicConsultations migration.
@Index('idx_programmes_listed_publicly', { synchronize: false })
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'uuid' })
  leadOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_organization_id', foreignKeyConstraintName: 'fk_programmes_lead_organization' })
  leadOrganization?: unknown;

  @Column({ type: 'varchar', length: 16, default: ProgrammeStatus.Draft })
  status!: ProgrammeStatus;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city!: string | null;

  /** Decimal string, so money is never a float. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetAmount!: string | null;

  /** ISO 4217. */
  @Column({ type: 'char', length: 3, nullable: true })
  budgetCurrency!: string | null;

  @Column({ type: 'varchar', array: true, length: 40, default: () => "'{}'" })
  targetGroups!: string[];

  @Column({ type: 'varchar', array: true, length: 20, default: () => "'{}'" })
  dimensions!: string[];

  /** SDG targets such as "10.7". */
  @Column({ type: 'varchar', array: true, length: 8, default: () => "'{}'" })
  sdgTargets!: string[];

  /** Global Compact for Migration objectives, 1 to 23. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  gcmObjectives!: number[];

  /** Policy areas the programme touches (POLICY_AREAS), for the policy-coherence matrix. */
  @Column({ type: 'varchar', array: true, length: 32, default: () => "'{}'" })
  policyAreas!: string[];

  /**
   * A general programme (not specific to migrants). One that also names migrants among its target
   * groups counts as "mainstreaming" in the coherence matrix.
   */
  @Column({ type: 'boolean', default: false })
  mainstream!: boolean;

  /** Issue 20: the lead lists the programme on its territory's public page (while it is active). */
  @Column({ type: 'boolean', default: false })
  listedPublicly!: boolean;

  /** The territory it works in (see TERRITORY_CODE_PATTERN); a soft reference, matched by prefix. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  territoryCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
