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

export enum ImportMode {
  /** Any bad row rejects the whole file: nothing is created. */
  AllOrNothing = 'all_or_nothing',
  /** The good rows are created, the bad ones reported. */
  ValidRows = 'valid_rows',
}

/** queued → processing → completed (rows created, possibly none) | rejected (bad rows, all or nothing) | failed. */
export enum ImportStatus {
  Queued = 'queued',
  Processing = 'processing',
  Completed = 'completed',
  Rejected = 'rejected',
  Failed = 'failed',
}

export interface ImportRowError {
  /** Spreadsheet row number: the header is row 1, the first placement row 2. */
  row: number;
  column: string;
  reason: string;
}

/**
 * A CSV upload of placements. The file itself is kept in the row (bytea) until the worker has
 * processed it, so it survives an api restart and any worker replica can read it; afterwards it
 * is dropped, since it holds participants' attributes.
 */
@Entity('placement_imports')
@Index('idx_placement_imports_employer_content', ['employerOrganizationId', 'contentSha256'])
@Index('uq_placement_imports_user_idempotency_key', ['createdByUserId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class PlacementImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  employerOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_organization_id',
    foreignKeyConstraintName: 'fk_placement_imports_employer_organization',
  })
  employerOrganization?: unknown;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: ImportMode;

  @Column({ type: 'varchar', length: 12, default: ImportStatus.Queued })
  status!: ImportStatus;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'char', length: 64 })
  contentSha256!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  file!: Buffer | null;

  @Column({ type: 'int', nullable: true })
  totalRows!: number | null;

  @Column({ type: 'int', default: 0 })
  processedRows!: number;

  @Column({ type: 'int', default: 0 })
  createdCount!: number;

  @Column({ type: 'int', default: 0 })
  errorCount!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: ImportRowError[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
