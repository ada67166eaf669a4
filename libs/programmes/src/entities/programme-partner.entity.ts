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
import { Programme } from './programme.entity';

export enum PartnerRole {
  Lead = 'lead',
  Funder = 'funder',
  Implementer = 'implementer',
  ServiceProvider = 'service_provider',
  Advisor = 'advisor',
  Observer = 'observer',
}

export enum PartnerStatus {
  Invited = 'invited',
  Active = 'active',
  Declined = 'declined',
  Left = 'left',
  Removed = 'removed',
}

/**
 * An organisation's place in a programme. Leaving or removal changes the status, never deletes the
 * row, so the partnership's history (and its tasks) stay.
 */
@Entity('programme_partners')
@Index('uq_programme_partners_programme_organization', ['programmeId', 'organizationId'], { unique: true })
@Index('idx_programme_partners_organization', ['organizationId', 'status'])
// The agreement reminder sweep's pending rows (migration 1797500000000, TimerSweeps).
@Index('idx_programme_partners_agreement_reminder_pending', { synchronize: false })
export class ProgrammePartner {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_programme_partners_programme' })
  programme?: Programme;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_programme_partners_organization' })
  organization?: unknown;

  @Column({ type: 'varchar', length: 20 })
  role!: PartnerRole;

  @Column({ type: 'varchar', length: 16, default: PartnerStatus.Invited })
  status!: PartnerStatus;

  @Column({ type: 'date', nullable: true })
  agreementSignedOn!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  agreementReference!: string | null;

  @Column({ type: 'date', nullable: true })
  agreementExpiresOn!: string | null;

  /**
   * The expiry date the managers were reminded of (AgreementReminderSweep); pending while active and
   * different from `agreementExpiresOn`, so a changed date reminds again. Written by the sweep only.
   */
  @Column({ type: 'date', nullable: true, insert: false, update: false })
  agreementReminderFor!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
