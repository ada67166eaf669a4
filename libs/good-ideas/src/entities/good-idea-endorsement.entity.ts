import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { GoodIdea } from './good-idea.entity';

export enum RecognitionKind {
  Endorsement = 'endorsement',
  Award = 'award',
}

/** A peer organisation's endorsement (or an award) of a published idea: one per organisation. */
@Entity('good_idea_endorsements')
@Index('uq_good_idea_endorsements_idea_organization', ['ideaId', 'organizationId'], { unique: true })
export class GoodIdeaEndorsement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_good_idea_endorsements' })
  id!: string;

  @Column({ type: 'uuid' })
  ideaId!: string;

  @ManyToOne(() => GoodIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_good_idea_endorsements_idea' })
  idea?: GoodIdea;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_good_idea_endorsements_organization' })
  organization?: unknown;

  @Column({ type: 'varchar', length: 12, default: RecognitionKind.Endorsement })
  kind!: RecognitionKind;

  @Column({ type: 'varchar', length: 1000 })
  statement!: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
