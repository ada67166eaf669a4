import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export interface BankQuestionOption {
  value: string;
  label: Record<string, string>;
}

/**
 * A field-tested consultation question shared by every city: the same wording and options, so
 * answers are comparable across consultations. Curated by platform admins; officers copy it into
 * a consultation in one step (the copy keeps a link back here).
 */
@Entity('bank_questions')
@Index('idx_bank_questions_created', ['createdAt', 'id'])
@Index('idx_bank_questions_dimensions', ['dimensions'])
export class BankQuestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A consultation question type: single_choice, multiple_choice or scale (text answers do not aggregate). */
  @Column({ type: 'varchar', length: 24 })
  type!: string;

  @Column({ type: 'jsonb' })
  prompt!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  options!: BankQuestionOption[];

  /** Integration dimensions it informs (INTEGRATION_DIMENSIONS). */
  @Column({ type: 'varchar', array: true, length: 20, default: () => "'{}'" })
  dimensions!: string[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
