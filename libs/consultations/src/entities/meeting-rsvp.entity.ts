import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum RsvpStatus {
  Attending = 'attending',
  Waitlisted = 'waitlisted',
  Declined = 'declined',
}

/** One person's answer to a meeting invitation, and whether they came. */
@Entity('consultation_meeting_rsvps')
@Index('uq_consultation_meeting_rsvps_user', ['meetingId', 'userId'], { unique: true })
@Index('idx_consultation_meeting_rsvps_queue', ['meetingId', 'status', 'queuedAt', 'id'])
export class MeetingRsvp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne('ConsultationMeeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_consultation_meeting_rsvps_meeting' })
  meeting?: unknown;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_consultation_meeting_rsvps_user' })
  user?: unknown;

  /** The organisation they come for. */
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RsvpStatus;

  /** When they last asked for a seat: the waiting list moves up in this order. */
  @Column({ type: 'timestamptz', precision: 3 })
  queuedAt!: Date;

  /** Recorded by the officer; null until then. */
  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
