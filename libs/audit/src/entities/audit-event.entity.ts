import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `read`: a break-glass read of row-level data by a platform admin (with its reason). */
export type AuditAction = 'create' | 'update' | 'delete' | 'read';

export interface FieldChange {
  before?: unknown;
  after?: unknown;
}

/** Append-only: a trigger (see the initial migration) rejects UPDATE and DELETE on this table. */
@Entity('audit_events')
@Index('idx_audit_events_occurred', ['occurredAt', 'id'])
@Index('idx_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('idx_audit_events_actor', ['actorUserId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Millisecond precision so that keyset cursors (JavaScript dates) compare exactly.
  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  occurredAt!: Date;

  /** Null for the system itself (bootstrap, seed, background jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  changes!: Record<string, FieldChange>;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;
}
