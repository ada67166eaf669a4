import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { GoodIdea, GoodIdeaCriterion } from './good-idea.entity';

/** A reviewer's judgement of one criterion: a rating (1–5) and the written reason for it. */
@Entity('good_idea_assessments')
export class GoodIdeaAssessment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_good_idea_assessments' })
  ideaId!: string;

  @ManyToOne(() => GoodIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_good_idea_assessments_idea' })
  idea?: GoodIdea;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'PK_good_idea_assessments' })
  criterion!: GoodIdeaCriterion;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'uuid', nullable: true })
  reviewerUserId!: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  assessedAt!: Date;
}
