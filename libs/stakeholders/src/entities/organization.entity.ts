import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CivilSocietyProfile } from '../kinds/civil-society/civil-society-profile.entity';
import type { EmployerProfile } from '../kinds/employer/employer-profile.entity';
import type { GovernmentProfile } from '../kinds/government/government-profile.entity';
import type { MigrantAssociationProfile } from '../kinds/migrant-association/migrant-association-profile.entity';

export enum OrganizationKind {
  Government = 'government',
  Employer = 'employer',
  CivilSociety = 'civil_society',
  MigrantAssociation = 'migrant_association',
}

@Entity('organizations')
@Index('idx_organizations_name', ['name', 'id'])
@Index('idx_organizations_kind', ['kind'])
@Index('idx_organizations_country_city', ['country', 'city'])
// An expression index (lower(name), country), created in the migration; TypeORM leaves it alone.
@Index('uq_organizations_name_country', { synchronize: false })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrganizationKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 120 })
  city!: string;

  @Column({ type: 'varchar', length: 254 })
  contactEmail!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;

  @OneToOne('GovernmentProfile', 'organization')
  government?: GovernmentProfile;

  @OneToOne('EmployerProfile', 'organization')
  employer?: EmployerProfile;

  @OneToOne('CivilSocietyProfile', 'organization')
  civilSociety?: CivilSocietyProfile;

  @OneToOne('MigrantAssociationProfile', 'organization')
  migrantAssociation?: MigrantAssociationProfile;
}
