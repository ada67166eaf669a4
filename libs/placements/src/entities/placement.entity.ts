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
import { Participant } from './participant.entity';

export enum ContractType {
  Permanent = 'permanent',
  FixedTerm = 'fixed_term',
  Apprenticeship = 'apprenticeship',
  Internship = 'internship',
  Seasonal = 'seasonal',
}

export enum PlacementStatus {
  Active = 'active',
  Ended = 'ended',
}

const decimal = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** A job placement of a participant with an employer, optionally through a programme. */
@Entity('placements')
@Index('idx_placements_employer', ['employerOrganizationId', 'createdAt', 'id'])
@Index('idx_placements_programme', ['programmeId', 'createdAt', 'id'])
@Index('idx_placements_participant', ['participantId'])
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => Participant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'fk_placements_participant' })
  participant?: Participant;

  @Column({ type: 'uuid' })
  employerOrganizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'employer_organization_id',
    foreignKeyConstraintName: 'fk_placements_employer_organization',
  })
  employerOrganization?: unknown;

  @Column({ type: 'uuid', nullable: true })
  programmeId!: string | null;

  @ManyToOne('Programme', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_placements_programme' })
  programme?: unknown;

  @Column({ type: 'varchar', length: 200 })
  jobTitle!: string;

  /** ISCO-08 code (major group to unit group, 1–4 digits). */
  @Column({ type: 'varchar', length: 4 })
  occupationCode!: string;

  /** ISIC Rev.4 section letter. */
  @Column({ type: 'char', length: 1 })
  sector!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'varchar', length: 16 })
  contractType!: ContractType;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: decimal })
  hoursPerWeek!: number;

  @Column({ type: 'varchar', length: 8, default: PlacementStatus.Active })
  status!: PlacementStatus;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason!: string | null;

  /** The CSV import that created it, if any. */
  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  @ManyToOne('PlacementImport', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_placements_import' })
  import?: unknown;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
