import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export enum MeetingType {
  InPerson = 'in_person',
  Online = 'online',
  Hybrid = 'hybrid',
}

export enum MeetingStatus {
  Scheduled = 'scheduled',
  Cancelled = 'cancelled',
}

/** A meeting held as part of a consultation; invitees RSVP up to its capacity. */
@Entity('consultation_meetings')
@Index('idx_consultation_meetings_consultation', ['consultationId', 'startsAt', 'id'])
// The timer sweep's pending reminders (migration 1797500000000, TimerSweeps).
@Index('idx_consultation_meetings_reminder_pending', { synchronize: false })
export class ConsultationMeeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne('Consultation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'fk_consultation_meetings_consultation' })
  consultation?: unknown;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: MeetingType;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  /** Seats; null for no limit. */
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 16, default: MeetingStatus.Scheduled })
  status!: MeetingStatus;

  /**
   * The start time the attendees' reminder was sent for (ConsultationTimerSweep); pending while
   * scheduled and different from `startsAt`, so a moved meeting reminds again. Written by the sweep only.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true, insert: false, update: false })
  reminderFor!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** Also the iCalendar SEQUENCE, so calendars replace an older copy of the event. */
  @VersionColumn({ default: 1 })
  version!: number;
}
