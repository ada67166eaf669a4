import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Organization } from '../../entities/organization.entity';

@Entity('migrant_association_profiles')
export class MigrantAssociationProfile {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @OneToOne('Organization', 'migrantAssociation', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_migrant_association_profiles_organization',
  })
  organization?: Organization;

  /** Countries of origin of the communities represented, ISO 3166-1 alpha-2. */
  @Column({ type: 'char', array: true, length: 2 })
  communities!: string[];

  /** ISO 639-1. */
  @Column({ type: 'varchar', array: true, length: 2 })
  languages!: string[];
}
