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

export enum ConsultationStatus {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Open = 'open',
  Closed = 'closed',
  OutcomePublished = 'outcome_published',
  Cancelled = 'cancelled',
}

export enum ConsultationAudience {
  Invited = 'invited',
  AllOrganizations = 'all_organizations',
}

/** A text in each offered language: `{"en": "…", "ar": "…"}`. */
export type LocalizedText = Record<string, string>;

export interface OutcomeDecision {
  text: LocalizedText;
  questionIds: string[];
}

export interface ConsultationOutcome {
  summary: LocalizedText;
  decisions: OutcomeDecision[];
}

/** A consultation run by a government organisation: questions, invitees, responses, outcome. */
@Entity('consultations')
@Index('idx_consultations_organization', ['organizationId', 'createdAt', 'id'])
@Index('idx_consultations_created', ['createdAt', 'id'])
// Partial indexes written by the PublicConsultations migration (TypeORM cannot express their WHERE).
@Index('idx_consultations_public', { synchronize: false })
// The timer sweep's pending rows (migration 1797500000000, TimerSweeps).
@Index('idx_consultations_opening_pending', { synchronize: false })
@Index('idx_consultations_closing_pending', { synchronize: false })
@Index('idx_consultations_closing_reminder_pending', { synchronize: false })
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The owning government organisation; its members manage the consultation. */
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_consultations_organization' })
  organization?: unknown;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description!: LocalizedText;

  /** Offered languages; the first is the default. */
  @Column({ type: 'varchar', array: true, length: 16 })
  languages!: string[];

  @Column({ type: 'timestamptz', precision: 3 })
  opensAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  closesAt!: Date;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /** Anonymous only: the smallest breakdown cell shown (see consultation-anonymity.ts); never below 2. */
  @Column({ type: 'smallint', default: 3 })
  anonymityThreshold!: number;

  @Column({ type: 'varchar', length: 24, default: ConsultationAudience.Invited })
  audience!: ConsultationAudience;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  programmeIds!: string[];

  @Column({ type: 'varchar', length: 24, default: ConsultationStatus.Draft })
  status!: ConsultationStatus;

  /**
   * When it was first scheduled: from then on invitees may see it, even if it is later cancelled.
   * A consultation cancelled as a draft was never shown to anyone outside its owner.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  announcedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;

  /**
   * The closing date the "closing soon" reminder was sent for (ConsultationTimerSweep); pending while
   * open and different from `closesAt`, so a moved closing date reminds again. Written by the sweep
   * only (never by a save of this entity, which could put back a stale value).
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true, insert: false, update: false })
  closingReminderFor!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: ConsultationOutcome | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  outcomePublishedAt!: Date | null;

  /** Issue 20: the owner shows the published outcome on /public (docs/public-pages.md). */
  @Column({ type: 'boolean', default: false })
  publicOutcome!: boolean;

  /** Issue 20: free texts shown publicly too, where at least the anonymity threshold wrote one. */
  @Column({ type: 'boolean', default: false })
  publicFreeTexts!: boolean;

  /** When the outcome was last made public (the public list's and feed's order); kept on withdrawal. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publicOutcomeAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
