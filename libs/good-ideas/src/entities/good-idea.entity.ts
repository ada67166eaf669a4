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

export enum GoodIdeaStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Returned = 'returned',
  Published = 'published',
  Archived = 'archived',
}

/** Languages a good idea can be written in; each has a text search configuration (see the migration). */
export const GOOD_IDEA_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type GoodIdeaLanguage = (typeof GOOD_IDEA_LANGUAGES)[number];

/** The four criteria practitioners judge a good idea on. */
export const GOOD_IDEA_CRITERIA = ['practical', 'innovative', 'successful', 'transferable'] as const;
export type GoodIdeaCriterion = (typeof GOOD_IDEA_CRITERIA)[number];

export const GOOD_IDEA_THEMES = [
  'employment',
  'language',
  'education',
  'housing',
  'health',
  'civic_participation',
  'welcoming',
  'entrepreneurship',
  'anti_discrimination',
  'social_cohesion',
] as const;

export const ORGANIZATION_KINDS = ['government', 'employer', 'civil_society', 'migrant_association'] as const;
export type PartnerKind = (typeof ORGANIZATION_KINDS)[number];

/** One language's version of the idea's prose. */
export interface GoodIdeaText {
  title: string;
  summary: string;
  challenge: string;
  approach: string;
}

/** Who took part, described by kind (and the role they played); organisations are named only if public. */
export interface GoodIdeaPartner {
  kind: PartnerKind;
  role: string;
  name: string | null;
}

export interface GoodIdeaResource {
  title: string;
  url: string;
}

/**
 * A practice written by an organisation, usually from one of its programmes. Prose lives in `texts`
 * (one entry per language); the search columns are generated from it by PostgreSQL.
 */
@Entity('good_ideas')
@Index('uq_good_ideas_slug', ['slug'], { unique: true })
@Index('idx_good_ideas_organization', ['organizationId', 'createdAt', 'id'])
@Index('idx_good_ideas_status', ['status', 'publishedAt', 'id'])
export class GoodIdea {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_good_ideas' })
  id!: string;

  @Column({ type: 'varchar', length: 140 })
  slug!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_good_ideas_organization' })
  organization?: unknown;

  @Column({ type: 'uuid', nullable: true })
  programmeId!: string | null;

  @ManyToOne('Programme', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_good_ideas_programme' })
  programme?: unknown;

  /** The idea this one was adapted from (its programme came from an adaptation): the family tree. */
  @Column({ type: 'uuid', nullable: true })
  parentIdeaId!: string | null;

  @ManyToOne(() => GoodIdea, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_idea_id', foreignKeyConstraintName: 'fk_good_ideas_parent' })
  parentIdea?: GoodIdea;

  /** Kept for the territories model (issue 19); city + country are the place until then. */
  @Column({ type: 'uuid', nullable: true })
  territoryId!: string | null;

  @Column({ type: 'varchar', length: 16, default: GoodIdeaStatus.Draft })
  status!: GoodIdeaStatus;

  @Column({ type: 'varchar', length: 120 })
  city!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', array: true, length: 20, default: () => "'{}'" })
  dimensions!: string[];

  @Column({ type: 'varchar', array: true, length: 40, default: () => "'{}'" })
  themes!: string[];

  @Column({ type: 'varchar', array: true, length: 40, default: () => "'{}'" })
  targetGroups!: string[];

  @Column({ type: 'varchar', array: true, length: 8, default: () => "'{}'" })
  sdgTargets!: string[];

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  gcmObjectives!: number[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partners!: GoodIdeaPartner[];

  /** The kinds in `partners`, kept as an array for the catalogue filter. */
  @Column({ type: 'varchar', array: true, length: 32, default: () => "'{}'" })
  partnerKinds!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  resources!: GoodIdeaResource[];

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  /** Languages offered; the first is the primary one. */
  @Column({ type: 'varchar', array: true, length: 8 })
  languages!: string[];

  @Column({ type: 'jsonb' })
  texts!: Partial<Record<GoodIdeaLanguage, GoodIdeaText>>;

  @Column({ type: 'text', nullable: true })
  returnedReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  archivedAt!: Date | null;

  /** The evidence as it stood when published, with its date. */
  @Column({ type: 'jsonb', nullable: true })
  evidenceSnapshot!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  evidenceSnapshotAt!: Date | null;

  /** The programme's structure when published: what an adaptation copies. */
  @Column({ type: 'jsonb', nullable: true })
  structureSnapshot!: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
