import { User } from '@tandem/auth';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const EMAIL_CADENCES = ['immediate', 'daily_digest', 'weekly_digest', 'off'] as const;
export type EmailCadence = (typeof EMAIL_CADENCES)[number];

/**
 * A user's e-mail choices. No row means the defaults (every type immediately). In-app
 * notifications are always on, so they have no setting. Language and time zone live on `users`.
 */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preferences_user' })
  user?: User;

  @Column({ type: 'varchar', length: 16, default: 'immediate' })
  emailDefault!: EmailCadence;

  /** `{ "task.assigned": "off", … }`: overrides of `emailDefault` per notification type. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  emailByType!: Record<string, EmailCadence>;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
