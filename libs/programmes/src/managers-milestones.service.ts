import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainWrite } from '@tandem/audit';

import { CoreError, Actor, MembershipRole, orNotFound } from '@tandem/core';
import { UsersRepository } from '@tandem/auth';
import { MembershipsRepository } from '@tandem/stakeholders';
import { DataSource } from 'typeorm';
import { AddManagerDto, CreateMilestoneDto, UpdateMilestoneDto } from './dto';
import { Milestone } from './entities';
import { ManagerView } from './manager.view';
import { loadMilestones } from './milestone-progress';
import { MilestoneView } from './milestone.view';
import { ProgrammeAccessService } from './programme-access.service';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';
import { ProgrammesRepository } from './programmes.repository';

/** Programme managers (named by the lead's org admins) and the milestones of the work plan. */
@Injectable()
export class ManagersMilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly write: DomainWrite,
    private readonly access: ProgrammeAccessService,
  ) {}

  async listManagers(actor: Actor, programmeId: string): Promise<ManagerView[]> {
    const access = await this.access.require(actor, programmeId, 'read');
    const { programme } = access;
    const partnerAdmin = actor.memberships.some(
      (m) => m.role === MembershipRole.OrgAdmin && access.activePartnerOrgIds.includes(m.organizationId),
    );
    const showContact = access.isManager || partnerAdmin;
    const [named, leadAdmins] = await Promise.all([
      this.programmes.namedManagers(programmeId),
      this.memberships.adminUserIds(programme.leadOrganizationId),
    ]);
    const since = new Map(named.map((m) => [m.userId, m.since]));
    const people = await this.users.people([...leadAdmins, ...since.keys()]);
    // In the users' name order (as PostgreSQL sorts them).
    return people.map((u) => ({
      userId: u.id,
      name: u.name,
      email: showContact ? u.email : null,
      // Named wins over org admin: the naming is the recorded fact, with its date.
      since: since.get(u.id) ?? null,
      basis: since.has(u.id) ? ('named' as const) : ('org_admin' as const),
    }));
  }

  /** Only org admins of the lead organisation name managers, and only among its members. */
  async addManager(actor: Actor, programmeId: string, dto: AddManagerDto): Promise<ManagerView[]> {
    await this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em);
      const leadAdmin = actor.memberships.some(
        (m) => m.organizationId === programme.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
      );
      if (!leadAdmin)
        throw CoreError.forbidden('Only org admins of the lead organisation name programme managers');
      if (!(await this.memberships.isMember(em, dto.userId, programme.leadOrganizationId))) {
        throw new ProgrammesError(
          ProgrammesErrorCode.NotLeadMember,
          'Programme managers must be members of the lead organisation',
          'userId',
        );
      }
      if (!(await this.programmes.addNamedManager(em, programmeId, dto.userId))) return;
      await this.write.auditCreate(em, 'programme_manager', dto.userId, { programmeId, userId: dto.userId });
    });
    return this.listManagers(actor, programmeId);
  }

  async removeManager(actor: Actor, programmeId: string, userId: string): Promise<void> {
    await this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em);
      if (
        !actor.memberships.some(
          (m) => m.organizationId === programme.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
        )
      ) {
        throw CoreError.forbidden('Only org admins of the lead organisation name programme managers');
      }
      if (!(await this.programmes.removeNamedManager(em, programmeId, userId)))
        throw CoreError.notFound('Programme manager');
      await this.write.auditDelete(em, 'programme_manager', userId, { programmeId, userId });
    });
  }

  async listMilestones(actor: Actor, programmeId: string): Promise<MilestoneView[]> {
    await this.access.require(actor, programmeId, 'read');
    return this.milestones('m.programme_id = $2', [programmeId]);
  }

  async createMilestone(actor: Actor, programmeId: string, dto: CreateMilestoneDto): Promise<MilestoneView> {
    const id = await this.write.run(async (em) => {
      await this.access.require(actor, programmeId, 'manage', em);
      const m = await em.save(
        Milestone,
        em.create(Milestone, { programmeId, title: dto.title.trim(), dueDate: dto.dueDate }),
      );
      await this.write.auditCreate(em, 'milestone', m.id, {
        programmeId,
        title: m.title,
        dueDate: m.dueDate,
      });
      return m.id;
    });
    return (await this.milestones('m.id = $2', [id]))[0];
  }

  async updateMilestone(
    actor: Actor,
    programmeId: string,
    milestoneId: string,
    dto: UpdateMilestoneDto,
  ): Promise<MilestoneView> {
    await this.write.run(async (em) => {
      await this.access.require(actor, programmeId, 'manage', em);
      const m = orNotFound(
        await em.findOne(Milestone, {
          where: { id: milestoneId, programmeId },
          lock: { mode: 'pessimistic_write' },
        }),
        'Milestone',
      );
      const before = { title: m.title, dueDate: m.dueDate };
      if (dto.title !== undefined) m.title = dto.title.trim();
      if (dto.dueDate !== undefined) m.dueDate = dto.dueDate;
      await em.save(Milestone, m);
      await this.write.auditUpdate(em, 'milestone', m.id, before, { title: m.title, dueDate: m.dueDate });
    });
    return (await this.milestones('m.id = $2', [milestoneId]))[0];
  }

  private milestones(where: string, params: unknown[]): Promise<MilestoneView[]> {
    return loadMilestones(this.dataSource.manager, where, params);
  }
}
