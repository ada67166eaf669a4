import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TraceCarrier } from '../telemetry/trace-context';

/**
 * Domain events written in the same transaction as the change that caused them. The worker's
 * relay turns each into a BullMQ job whose id is this row's id.
 */
@Entity('outbox_events')
@Index('idx_outbox_events_pending', ['availableAt'], { where: 'dispatched_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Not before this time: the relay skips the row until then (also used for relay backoff). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  /** When the job reached Redis; null while pending. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** W3C trace context (traceparent/tracestate) of the request that wrote it; null when untraced. */
  @Column({ type: 'jsonb', nullable: true })
  traceContext!: TraceCarrier | null;
}
