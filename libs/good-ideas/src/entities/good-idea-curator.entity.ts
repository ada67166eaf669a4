import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * An organisation given the curator role: its members review good ideas (rate, publish, return)
 * alongside platform admins. A table of its own rather than a column on organisations, so the
 * role is granted and revoked (and audited) by the good-ideas domain that gives it meaning.
 */
@Entity('good_idea_curators')
export class GoodIdeaCurator {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_good_idea_curators' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_good_idea_curators_organization' })
  organization?: unknown;

  @Column({ type: 'uuid', nullable: true })
  grantedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  grantedAt!: Date;
}
