import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One in-app notification for one user. `dedupeKey` (event id + recipient, or reminder id) makes
 * fan-out idempotent: a retried or duplicated job inserts nothing new.
 */
@Entity('notifications')
@Index('uq_notifications_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('idx_notifications_user', ['userId', 'createdAt', 'id'])
@Index('idx_notifications_dedupe_key', ['dedupeKey'])
@Index('idx_notifications_undigested', ['userId', 'createdAt'], {
  where: 'read_at IS NULL AND digested_at IS NULL',
})
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  /** What it is about: `task`, `programme`, … and its id, so clients can link to it. */
  @Column({ type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When a digest e-mail listed it; a notification is listed in at most one digest. */
  @Column({ type: 'timestamptz', nullable: true })
  digestedAt!: Date | null;
}
