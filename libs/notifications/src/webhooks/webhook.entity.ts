import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An organisation's HTTP endpoint that receives signed POSTs for the event types it chose. */
@Entity('webhooks')
@Index('idx_webhooks_organization', ['organizationId', 'createdAt', 'id'])
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'text', array: true })
  eventTypes!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  /** The HMAC key; shown once at creation (and rotation), never returned again. */
  @Column({ type: 'varchar', length: 100 })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Why it was disabled: `failures` when Tandem switched it off, `admin` when someone did. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  disabledReason!: 'failures' | 'admin' | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Deliveries that failed for good in a row; reset by a success. */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
