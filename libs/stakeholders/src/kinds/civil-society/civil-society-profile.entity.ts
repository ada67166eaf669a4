import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Organization } from '../../entities/organization.entity';

export const CIVIL_SOCIETY_SERVICES = [
  'legal_aid',
  'language_courses',
  'employment_support',
  'housing_support',
  'health_services',
  'psychosocial_support',
  'education',
  'interpretation_translation',
  'civic_orientation',
  'family_support',
  'youth_work',
  'anti_discrimination',
] as const;
export type CivilSocietyService = (typeof CIVIL_SOCIETY_SERVICES)[number];

@Entity('civil_society_profiles')
export class CivilSocietyProfile {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @OneToOne('Organization', 'civilSociety', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_civil_society_profiles_organization' })
  organization?: Organization;

  @Column({ type: 'varchar', array: true, length: 40 })
  services!: CivilSocietyService[];
}
