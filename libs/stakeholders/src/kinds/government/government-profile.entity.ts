import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Organization } from '../../entities/organization.entity';

export enum GovernmentLevel {
  National = 'national',
  Regional = 'regional',
  Municipal = 'municipal',
  Local = 'local',
}

@Entity('government_profiles')
@Index('idx_government_profiles_level', ['level'])
export class GovernmentProfile {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @OneToOne('Organization', 'government', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_government_profiles_organization' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  level!: GovernmentLevel;

  /** The territory it governs, e.g. "Riverton" or "Northern Region". */
  @Column({ type: 'varchar', length: 200 })
  jurisdiction!: string;

  /**
   * The jurisdiction as a territory code (`CA`, `CA-ON`, `CA-ON-riverton`): its members may publish
   * official observations for it and every territory under it. Null: it publishes none.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  territoryCode!: string | null;

  /** Policy areas it works in (POLICY_AREAS), for the policy-coherence matrix. */
  @Column({ type: 'varchar', array: true, length: 32, default: () => "'{}'" })
  policyAreas!: string[];
}
