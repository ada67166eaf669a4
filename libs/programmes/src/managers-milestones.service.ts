import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor, MembershipRole } from '@tandem/auth';
import { CoreError, TransactionService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { AddManagerDto, CreateMilestoneDto, UpdateMilestoneDto } from './dto';
import { Milestone, ProgrammeManager } from './entities';
import { loadMilestones, MilestoneView } from './milestone-progress';
import { ProgrammeAccessService } from './programme-access.service';
import { ProgrammesError, ProgrammesErrorCode } from './programmes.errors';

export interface ManagerView {
  userId: string;
  name: string;
  /** Shown to the programme's managers and to org admins of its active partners; null to everyone else. */
  email: string | null;
  since: Date | null;
  /** `org_admin` managers are such by being org admins of the lead; `named` ones were named. */
  basis: 'org_admin' | 'named';
}

/** Programme managers (named by the lead's org admins) and the milestones of the work plan. */
@Injectable()
export class ManagersMilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly access: ProgrammeAccessService,
    private readonly audit: AuditService,
  ) {}

  async listManagers(actor: Actor, programmeId: string): Promise<ManagerView[]> {
    const access = await this.access.require(actor, programmeId, 'read');
    const partnerAdmin = actor.memberships.some(
      (m) => m.role === MembershipRole.OrgAdmin && access.activePartnerOrgIds.includes(m.organizationId),
    );
    const showContact = access.isManager || partnerAdmin;
    const rows: {
      user_id: string;
      name: string;
      email: string;
      since: Date | null;
      basis: 'org_admin' | 'named';
    }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.name, u.email, min(x.since) AS since, min(x.basis) AS basis FROM (
         SELECT m.user_id, NULL::timestamptz AS since, 'org_admin' AS basis
           FROM programmes p JOIN memberships m ON m.organization_id = p.lead_organization_id AND m.role = 'org_admin' WHERE p.id = $1
         UNION ALL
         SELECT pm.user_id, pm.created_at, 'named' FROM programme_managers pm WHERE pm.programme_id = $1
       ) x JOIN users u ON u.id = x.user_id GROUP BY u.id, u.name, u.email ORDER BY u.name, u.id`,
      [programmeId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: showContact ? r.email : null,
      since: r.since,
      basis: r.basis,
    }));
  }

  /** Only org admins of the lead organisation name managers, and only among its members. */
  async addManager(actor: Actor, programmeId: string, dto: AddManagerDto): Promise<ManagerView[]> {
    await this.tx.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em);
      const leadAdmin = actor.memberships.some(
        (m) => m.organizationId === programme.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
      );
      if (!leadAdmin)
        throw CoreError.forbidden('Only org admins of the lead organisation name programme managers');
      const member = await em.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND organization_id = $2`, [
        dto.userId,
        programme.leadOrganizationId,
      ]);
      if (member.length === 0) {
        throw new ProgrammesError(
          ProgrammesErrorCode.NotLeadMember,
          'Programme managers must be members of the lead organisation',
          'userId',
        );
      }
      if (await em.existsBy(ProgrammeManager, { programmeId, userId: dto.userId })) return;
      await em
        .createQueryBuilder()
        .insert()
        .into(ProgrammeManager)
        .values({ programmeId, userId: dto.userId })
        .orIgnore()
        .execute();
      await this.audit.record(em, {
        action: 'create',
        entityType: 'programme_manager',
        entityId: dto.userId,
        after: { programmeId, userId: dto.userId },
      });
    });
    return this.listManagers(actor, programmeId);
  }

  async removeManager(actor: Actor, programmeId: string, userId: string): Promise<void> {
    await this.tx.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em);
      if (
        !actor.memberships.some(
          (m) => m.organizationId === programme.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
        )
      ) {
        throw CoreError.forbidden('Only org admins of the lead organisation name programme managers');
      }
      const result = await em.delete(ProgrammeManager, { programmeId, userId });
      if (!result.affected) throw CoreError.notFound('Programme manager');
      await this.audit.record(em, {
        action: 'delete',
        entityType: 'programme_manager',
        entityId: userId,
        before: { programmeId, userId },
      });
    });
  }

  async listMilestones(actor: Actor, programmeId: string): Promise<MilestoneView[]> {
    await this.access.require(actor, programmeId, 'read');
    return this.milestones('m.programme_id = $2', [programmeId]);
  }

  async createMilestone(actor: Actor, programmeId: string, dto: CreateMilestoneDto): Promise<MilestoneView> {
    const id = await this.tx.run(async (em) => {
      await this.access.require(actor, programmeId, 'manage', em);
      const m = await em.save(
        Milestone,
        em.create(Milestone, { programmeId, title: dto.title.trim(), dueDate: dto.dueDate }),
      );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'milestone',
        entityId: m.id,
        after: { programmeId, title: m.title, dueDate: m.dueDate },
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
    await this.tx.run(async (em) => {
      await this.access.require(actor, programmeId, 'manage', em);
      const m = await em.findOne(Milestone, {
        where: { id: milestoneId, programmeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!m) throw CoreError.notFound('Milestone');
      const before = { title: m.title, dueDate: m.dueDate };
      if (dto.title !== undefined) m.title = dto.title.trim();
      if (dto.dueDate !== undefined) m.dueDate = dto.dueDate;
      await em.save(Milestone, m);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'milestone',
        entityId: m.id,
        before,
        after: { title: m.title, dueDate: m.dueDate },
      });
    });
    return (await this.milestones('m.id = $2', [milestoneId]))[0];
  }

  private milestones(where: string, params: unknown[]): Promise<MilestoneView[]> {
    return loadMilestones(this.dataSource.manager, where, params);
  }
}
