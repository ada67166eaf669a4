import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Organization } from '../../entities/organization.entity';

/** ISIC Rev.4 sections. */
export const ISIC_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;

/** Head-count bands as in the EU SME definition: micro 1–9, small 10–49, medium 50–249, large 250+. */
export enum EmployerSizeBand {
  Micro = 'micro',
  Small = 'small',
  Medium = 'medium',
  Large = 'large',
}

@Entity('employer_profiles')
@Index('idx_employer_profiles_sector', ['sector'])
export class EmployerProfile {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @OneToOne('Organization', 'employer', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_employer_profiles_organization' })
  organization?: Organization;

  @Column({ type: 'char', length: 1 })
  sector!: string;

  @Column({ type: 'varchar', length: 16 })
  sizeBand!: EmployerSizeBand;
}
