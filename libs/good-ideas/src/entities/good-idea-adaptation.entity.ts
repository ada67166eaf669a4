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

/** An indicator the adapting city will measure: the definition travels, the baseline does not. */
export interface IndicatorSlot {
  name: string;
  dimension: string;
  unit: string;
  kind: string;
  direction: string;
  baseline: null;
}

/** A partner role to fill, described by kind ("an employer in sector C", "a migrant association"). */
export interface PartnerSlot {
  kind: string;
  role: string;
  description: string;
  filledByOrganizationId: null;
}

/** A programme started from a good idea in another city: the link back that makes the family tree. */
@Entity('good_idea_adaptations')
@Index('idx_good_idea_adaptations_idea', ['ideaId', 'createdAt', 'id'])
@Index('uq_good_idea_adaptations_programme', ['programmeId'], { unique: true })
export class GoodIdeaAdaptation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_good_idea_adaptations' })
  id!: string;

  @Column({ type: 'uuid' })
  ideaId!: string;

  @ManyToOne(() => GoodIdea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_good_idea_adaptations_idea' })
  idea?: GoodIdea;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne('Programme', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_good_idea_adaptations_programme' })
  programme?: unknown;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_good_idea_adaptations_organization' })
  organization?: unknown;

  @Column({ type: 'varchar', length: 120 })
  city!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicatorSlots!: IndicatorSlot[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partnerSlots!: PartnerSlot[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
