import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor, Membership, MembershipRole, PolicyService, User } from '@tandem/auth';
import { CoreError, Page, PageQueryDto, paginate, mapPage, TransactionService } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { UpdateMemberDto } from './dto/update-member.dto';
import { StakeholdersError, StakeholdersErrorCode } from './stakeholders.errors';
import { MemberView } from './member.view';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /** Members of an organisation: visible to its own members and platform admins, 404 to anyone else. */
  async list(actor: Actor, organizationId: string, query: PageQueryDto): Promise<Page<MemberView>> {
    this.policy.assert(actor, 'list', 'Membership', { organizationId }, 'Organization', {
      id: organizationId,
    });
    await this.assertOrganizationExists(this.dataSource.manager, organizationId);
    const qb = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organization_id = :organizationId', { organizationId });
    const page = await paginate(qb, {
      keys: ['m.created_at', 'm.id'],
      direction: 'ASC',
      cursorOf: (m) => [m.createdAt.toISOString(), m.id],
      query,
    });
    return mapPage(page, (m) => this.view(m, m.user!));
  }

  async changeRole(
    actor: Actor,
    organizationId: string,
    userId: string,
    dto: UpdateMemberDto,
  ): Promise<MemberView> {
    this.policy.assert(actor, 'update', 'Membership', { organizationId }, 'Organization', {
      id: organizationId,
    });
    return this.tx.run(async (em) => {
      const membership = await this.lockMembership(em, organizationId, userId);
      if (membership.role === dto.role) return this.view(membership, membership.user!);
      if (membership.role === MembershipRole.OrgAdmin)
        await this.assertAnotherAdmin(em, organizationId, userId);
      await em.update(Membership, { id: membership.id }, { role: dto.role });
      await this.audit.record(em, {
        action: 'update',
        entityType: 'membership',
        entityId: membership.id,
        before: { role: membership.role },
        after: { role: dto.role },
      });
      return this.view({ ...membership, role: dto.role }, membership.user!);
    });
  }

  async remove(actor: Actor, organizationId: string, userId: string): Promise<void> {
    this.policy.assert(actor, 'delete', 'Membership', { organizationId }, 'Organization', {
      id: organizationId,
    });
    await this.tx.run(async (em) => {
      const membership = await this.lockMembership(em, organizationId, userId);
      if (membership.role === MembershipRole.OrgAdmin)
        await this.assertAnotherAdmin(em, organizationId, userId);
      await em.delete(Membership, { id: membership.id });
      await this.audit.record(em, {
        action: 'delete',
        entityType: 'membership',
        entityId: membership.id,
        before: { userId, organizationId, role: membership.role },
      });
    });
  }

  private async assertOrganizationExists(em: EntityManager, organizationId: string): Promise<void> {
    if (!(await em.getRepository('Organization').existsBy({ id: organizationId })))
      throw CoreError.notFound('Organization');
  }

  /**
   * Locks every admin membership of the organisation, so two admins demoting each other at the same
   * moment cannot leave it with none.
   */
  private async lockMembership(
    em: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<Membership> {
    await em.query(
      `SELECT id FROM memberships WHERE organization_id = $1 AND (role = 'org_admin' OR user_id = $2) ORDER BY id FOR UPDATE`,
      [organizationId, userId],
    );
    const membership = await em.findOne(Membership, {
      where: { organizationId, userId },
      relations: { user: true },
    });
    if (!membership) throw CoreError.notFound('Member');
    return membership;
  }

  private async assertAnotherAdmin(em: EntityManager, organizationId: string, userId: string): Promise<void> {
    const others = await em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.organization_id = :organizationId AND m.role = :role AND m.user_id <> :userId', {
        organizationId,
        role: MembershipRole.OrgAdmin,
        userId,
      })
      .getCount();
    if (others === 0) {
      throw new StakeholdersError(
        StakeholdersErrorCode.LastOrgAdmin,
        'An organisation keeps at least one org_admin; promote another member first',
      );
    }
  }

  private view(m: Membership, u: User): MemberView {
    return { userId: u.id, name: u.name, email: u.email, role: m.role, joinedAt: m.createdAt };
  }
}
