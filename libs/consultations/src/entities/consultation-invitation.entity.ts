import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An organisation invited to answer a consultation (audience `invited`). */
@Entity('consultation_invitations')
@Index('idx_consultation_invitations_organization', ['organizationId'])
export class ConsultationInvitation {
  @PrimaryColumn({ type: 'uuid' })
  consultationId!: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Consultation', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'consultation_id',
    foreignKeyConstraintName: 'fk_consultation_invitations_consultation',
  })
  consultation?: unknown;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_consultation_invitations_organization',
  })
  organization?: unknown;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
