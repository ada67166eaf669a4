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

/** An answer's value: text, an option value, option values, or a scale point. */
export type AnswerValue = string | string[] | number;

/**
 * One organisation's answers to one consultation (at most one per organisation). For anonymous
 * consultations the row keeps the organisation only so it can be edited and counted once; no API,
 * export or notification ever pairs it with the answers, and the submitting person is not stored.
 */
@Entity('consultation_responses')
@Index('uq_consultation_responses_organization', ['consultationId', 'organizationId'], { unique: true })
export class ConsultationResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne('Consultation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'fk_consultation_responses_consultation' })
  consultation?: unknown;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_consultation_responses_organization' })
  organization?: unknown;

  /** Null for anonymous consultations. */
  @Column({ type: 'uuid', nullable: true })
  submittedByUserId!: string | null;

  /** `{questionId: value}`. */
  @Column({ type: 'jsonb' })
  answers!: Record<string, AnswerValue>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
