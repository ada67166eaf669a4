import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job that exhausted its attempts (any queue). Platform admins list and replay them. */
@Entity('dead_letters')
@Index('uq_dead_letters_job', ['queue', 'jobId'], { unique: true })
@Index('idx_dead_letters_failed', ['failedAt', 'id'])
export class DeadLetter {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  queue!: string;

  @Column({ type: 'varchar', length: 100 })
  jobName!: string;

  @Column({ type: 'varchar', length: 300 })
  jobId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  failedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  replayedBy!: string | null;

  /** The outbox event (= job id) the replay was enqueued as. */
  @Column({ type: 'uuid', nullable: true })
  replayJobId!: string | null;
}
