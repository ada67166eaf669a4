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
import { User } from './user.entity';

/**
 * A user's place in an organisation. The organisation side is referenced by entity name so that
 * auth does not import stakeholders (which imports auth for its policies).
 */
@Entity('memberships')
@Index('uq_memberships_user_organization', ['userId', 'organizationId'], { unique: true })
@Index('idx_memberships_organization', ['organizationId', 'createdAt', 'id'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_memberships_user' })
  user?: User;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_memberships_organization' })
  organization?: unknown;

  @Column({ type: 'varchar', length: 16 })
  role!: MembershipRole;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
