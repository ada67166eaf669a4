import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import {
  Actor,
  CoreError,
  MembershipRole,
  Page,
  PageQueryDto,
  mapPage,
  SessionEvents,
  orNotFound,
} from '@tandem/core';
import { EntityManager } from 'typeorm';
import { UpdateMemberDto } from './dto/update-member.dto';
import { MemberPerson, Membership } from './entities/membership.entity';
import { MembershipsRepository } from './memberships.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsRepository } from './organizations.repository';
import { StakeholdersError, StakeholdersErrorCode } from './stakeholders.errors';
import { MemberView } from './member.view';

@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly access: OrganizationAccessService,
    private readonly write: DomainWrite,
    private readonly sessions: SessionEvents,
  ) {}

  /** Members of an organisation: visible to its own members and platform admins, 404 to anyone else. */
  async list(actor: Actor, organizationId: string, query: PageQueryDto): Promise<Page<MemberView>> {
    this.access.assert(actor, organizationId, 'read');
    if (!(await this.organizations.exists(organizationId))) throw CoreError.notFound('Organization');
    const page = await this.memberships.listInOrganization(organizationId, query);
    return mapPage(page, (m) => this.view(m, m.user!));
  }

  async changeRole(
    actor: Actor,
    organizationId: string,
    userId: string,
    dto: UpdateMemberDto,
  ): Promise<MemberView> {
    this.access.assert(actor, organizationId, 'manageMembers');
    const view = await this.write.run(async (em) => {
      const membership = await this.lockMembership(em, organizationId, userId);
      if (membership.role === dto.role) return this.view(membership, membership.user!);
      if (membership.role === MembershipRole.OrgAdmin)
        await this.assertAnotherAdmin(em, organizationId, userId);
      await this.memberships.setRole(em, membership.id, dto.role);
      await this.write.auditUpdate(
        em,
        'membership',
        membership.id,
        { role: membership.role },
        { role: dto.role },
      );
      return this.view({ ...membership, role: dto.role }, membership.user!);
    });
    // Committed: the member's cached sessions on every api replica carry the new role from now on.
    await this.sessions.usersChanged([userId]);
    return view;
  }

  async remove(actor: Actor, organizationId: string, userId: string): Promise<void> {
    this.access.assert(actor, organizationId, 'manageMembers');
    await this.write.run(async (em) => {
      const membership = await this.lockMembership(em, organizationId, userId);
      if (membership.role === MembershipRole.OrgAdmin)
        await this.assertAnotherAdmin(em, organizationId, userId);
      await this.memberships.remove(em, membership.id);
      await this.write.auditDelete(em, 'membership', membership.id, {
        userId,
        organizationId,
        role: membership.role,
      });
    });
    await this.sessions.usersChanged([userId]);
  }

  private async lockMembership(
    em: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<Membership> {
    return orNotFound(await this.memberships.lockForChange(em, organizationId, userId), 'Member');
  }

  private async assertAnotherAdmin(em: EntityManager, organizationId: string, userId: string): Promise<void> {
    if ((await this.memberships.countOtherAdmins(em, organizationId, userId)) === 0) {
      throw new StakeholdersError(
        StakeholdersErrorCode.LastOrgAdmin,
        'An organisation keeps at least one org_admin; promote another member first',
      );
    }
  }

  private view(m: Membership, u: MemberPerson): MemberView {
    return { userId: u.id, name: u.name, email: u.email, role: m.role, joinedAt: m.createdAt };
  }
}
