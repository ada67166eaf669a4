import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Webhook } from './webhook.entity';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

/** One event for one endpoint; unique per (webhook, event) so retries and replicas add nothing. */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_event', ['webhookId', 'eventKey'], { unique: true })
@Index('idx_webhook_deliveries_webhook', ['webhookId', 'createdAt', 'id'])
@Index('idx_webhook_deliveries_event_key', ['eventKey'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  webhookId!: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_webhook_deliveries_webhook' })
  webhook?: Webhook;

  /** The notification event's dedupe key. */
  @Column({ type: 'varchar', length: 200 })
  eventKey!: string;

  @Column({ type: 'varchar', length: 64 })
  eventType!: string;

  /** The JSON body sent, exactly as signed. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
