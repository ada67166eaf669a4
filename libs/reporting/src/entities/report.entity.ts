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

export enum ReportKind {
  ProgrammeProgress = 'programme_progress',
  Placements = 'placements',
  Consultation = 'consultation',
  PartnershipMatrix = 'partnership_matrix',
  Coverage = 'coverage',
  IatiActivities = 'iati_activities',
  GoodIdeas = 'good_ideas',
  TerritoryComparison = 'territory_comparison',
  Coherence = 'coherence',
}

export enum ReportFormat {
  Json = 'json',
  Csv = 'csv',
  Xlsx = 'xlsx',
  Pdf = 'pdf',
  Xml = 'xml',
}

export enum ReportStatus {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
  /** Done once, its file deleted after REPORT_RETENTION_DAYS. */
  Expired = 'expired',
}

const bigint = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * A report requested by a user (or made by a schedule on its owner's behalf), built by the worker
 * into a file kept in the report storage. Readable by the requester and, for scheduled reports,
 * by the schedule's recipients.
 */
@Entity('reports')
@Index('idx_reports_requester', ['requestedByUserId', 'createdAt', 'id'])
@Index('uq_reports_schedule_period', ['scheduleId', 'periodKey'], {
  unique: true,
  where: 'schedule_id IS NOT NULL',
})
@Index('idx_reports_expires', ['expiresAt'], { where: "status = 'done'" })
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ReportKind;

  @Column({ type: 'varchar', length: 8 })
  format!: ReportFormat;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  parameters!: Record<string, unknown>;

  @Column({ type: 'uuid' })
  requestedByUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by_user_id', foreignKeyConstraintName: 'fk_reports_requested_by_user' })
  requestedBy?: unknown;

  /** Other users who may read and download it (a schedule's recipients). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  recipientUserIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  scheduleId!: string | null;

  @ManyToOne('ReportSchedule', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'fk_reports_schedule' })
  schedule?: unknown;

  /** For scheduled reports: which firing made it, so a firing handled twice makes one report. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  periodKey!: string | null;

  @Column({ type: 'varchar', length: 16, default: ReportStatus.Queued })
  status!: ReportStatus;

  /** Builds started (compare-and-set claims); a build that dies is retried until REPORT_MAX_ATTEMPTS. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigint })
  processedRows!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  totalRows!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  contentType!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  byteSize!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  storageKey!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** Refreshed while a build makes progress; a 'running' report whose heartbeat is older than JOB_LOCK_MS is reclaimed. */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
