import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum StatusCategory {
  RefugeeOrAsylum = 'refugee_or_asylum',
  Labour = 'labour',
  Student = 'student',
  Family = 'family',
  Other = 'other',
}

export enum Gender {
  Female = 'female',
  Male = 'male',
  Other = 'other',
  NotStated = 'not_stated',
}

/**
 * A programme participant, pseudonymous: a generated reference code and only the attributes that
 * aggregate reports need. No names, contact details or documents, ever. Erasure nulls every
 * attribute and sets `erasedAt` but keeps the row, so placements that point at it still count.
 */
@Entity('participants')
@Index('uq_participants_reference_code', ['referenceCode'], { unique: true })
@Index('idx_participants_registered_by', ['registeredByOrganizationId', 'createdAt', 'id'])
@Index('idx_participants_programme', ['programmeId'])
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  referenceCode!: string;

  /** The organisation that registered the person and answers for the consent. */
  @Column({ type: 'uuid' })
  registeredByOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'registered_by_organization_id',
    foreignKeyConstraintName: 'fk_participants_registered_by_organization',
  })
  registeredByOrganization?: unknown;

  /** The programme under which a partner registered the person: its employers may place them. */
  @Column({ type: 'uuid', nullable: true })
  programmeId!: string | null;

  @ManyToOne('Programme', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_participants_programme' })
  programme?: unknown;

  @Column({ type: 'smallint', nullable: true })
  yearOfBirth!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender!: Gender | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  countryOfOrigin!: string | null;

  @Column({ type: 'smallint', nullable: true })
  arrivalYear!: number | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  statusCategory!: StatusCategory | null;

  /** ISO 639-1 codes. */
  @Column({ type: 'varchar', length: 2, array: true, nullable: true })
  languages!: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  consentGivenAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  consentScope!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
