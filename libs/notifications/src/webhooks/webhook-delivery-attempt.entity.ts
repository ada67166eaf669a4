import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';

/** Each HTTP attempt of a delivery: when, what came back, how long it took. */
@Entity('webhook_delivery_attempts')
@Index('idx_webhook_delivery_attempts_delivery', ['deliveryId', 'attemptedAt'])
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_delivery_attempts_delivery' })
  delivery?: WebhookDelivery;

  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'int' })
  durationMs!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  attemptedAt!: Date;
}
