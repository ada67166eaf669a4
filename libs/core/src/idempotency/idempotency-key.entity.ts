import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A creating POST sent with an Idempotency-Key: reserved before the work runs (so a concurrent
 * duplicate waits its turn with a 409), completed with the response to replay afterwards.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_scope', ['userId', 'method', 'path', 'key'], { unique: true })
@Index('idx_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  @Column({ type: 'varchar', length: 300 })
  path!: string;

  @Column({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  /** The first response's `Location` header, replayed with it (a 202 points at what it queued). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  responseLocation!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
