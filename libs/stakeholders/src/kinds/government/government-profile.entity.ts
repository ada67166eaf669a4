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
}
