import { MembershipRole } from '@tandem/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from './organization.entity';

/** The person's side of a membership as stakeholders shows it; the `users` table is auth's. */
export interface MemberPerson {
  id: string;
  name: string;
  email: string;
}

/**
 * A user's place in an organisation. Stakeholders owns memberships (auth reads them through
 * MembershipsRepository to build the Actor). The user side is referenced by entity name because
 * users belong to auth, which depends on stakeholders, not the other way round.
 */
@Entity('memberships')
@Index('uq_memberships_user_organization', ['userId', 'organizationId'], { unique: true })
@Index('idx_memberships_organization', ['organizationId', 'createdAt', 'id'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_memberships_user' })
  user?: MemberPerson;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_memberships_organization' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  role!: MembershipRole;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
