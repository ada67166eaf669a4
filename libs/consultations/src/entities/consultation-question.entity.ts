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
import { LocalizedText } from './consultation.entity';

export enum QuestionType {
  Text = 'text',
  SingleChoice = 'single_choice',
  MultipleChoice = 'multiple_choice',
  Scale = 'scale',
}

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Free-text answers are capped even when the question sets no maxLength. */
export const TEXT_ANSWER_LIMIT = 5000;

export interface QuestionOption {
  /** Stable key the answers refer to. */
  value: string;
  label: LocalizedText;
}

@Entity('consultation_questions')
@Index('idx_consultation_questions_order', ['consultationId', 'position', 'id'])
@Index('idx_consultation_questions_bank_question', ['bankQuestionId'])
export class ConsultationQuestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  consultationId!: string;

  @ManyToOne('Consultation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'fk_consultation_questions_consultation' })
  consultation?: unknown;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 24 })
  type!: QuestionType;

  @Column({ type: 'jsonb' })
  prompt!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  options!: QuestionOption[];

  @Column({ type: 'boolean', default: false })
  required!: boolean;

  @Column({ type: 'int', nullable: true })
  maxLength!: number | null;

  /** The shared question-bank entry it was copied from (libs/indicators), so results compare across cities. */
  @Column({ type: 'uuid', nullable: true })
  bankQuestionId!: string | null;

  @ManyToOne('BankQuestion', { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'bank_question_id',
    foreignKeyConstraintName: 'fk_consultation_questions_bank_question',
  })
  bankQuestion?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
