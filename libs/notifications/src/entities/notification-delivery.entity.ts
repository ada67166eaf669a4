import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Notification } from './notification.entity';

export type DeliveryChannel = 'email';
export type DeliveryStatus = 'pending' | 'sent' | 'skipped';

/**
 * One row per (notification, channel) that must go out now, written in the fan-out's transaction.
 * The unique index is the "at most once per recipient, event and channel" guarantee: a retried
 * fan-out or a second worker replica cannot create a second row.
 */
@Entity('notification_deliveries')
@Index('uq_notification_deliveries_channel', ['notificationId', 'channel'], { unique: true })
@Index('idx_notification_deliveries_fan_out', ['fanOutId', 'id'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'notification_id',
    foreignKeyConstraintName: 'fk_notification_deliveries_notification',
  })
  notification?: Notification;

  @Column({ type: 'varchar', length: 16 })
  channel!: DeliveryChannel;

  /**
   * The fan-out job that created it. E-mail batches are slices of one fan-out's deliveries, so two
   * fan-outs sharing a dedupe key (one per language group) never send the same delivery.
   */
  @Column({ type: 'varchar', length: 300 })
  fanOutId!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeliveryStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
