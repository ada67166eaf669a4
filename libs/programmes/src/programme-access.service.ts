import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { CoreError, Actor, MembershipRole, PlatformRole } from '@tandem/core';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { PartnerRole, PartnerStatus, Programme } from './entities';

export type ProgrammeAction = 'read' | 'manage' | 'work';

/** What one actor is to one programme. */
export interface ProgrammeAccess {
  programme: Programme;
  isPlatformAdmin: boolean;
  /** Org admin of the lead organisation, or a member named programme manager. */
  isManager: boolean;
  /** The actor's organisations that are active partners, any role (observers included). */
  activePartnerOrgIds: string[];
  /** The actor's organisations that are active partners with a working role (not observer). */
  workingPartnerOrgIds: string[];
  /** The actor's organisations invited and not yet answered. */
  invitedOrgIds: string[];
}

/**
 * The programme policy: who may read, manage and work a programme and everything under it
 * (partners, milestones, tasks, indicators). Anyone who may not read gets 404, never 403, so ids
 * of other partnerships are not revealed. Platform admins read everything and change nothing.
 */
@Injectable()
export class ProgrammeAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads the programme and the actor's relation to it; 404 if it does not exist or is not visible. */
  async load(
    actor: Actor,
    programmeId: string,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ProgrammeAccess> {
    const programme = await em.findOne(Programme, {
      where: { id: programmeId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!programme) throw CoreError.notFound('Programme');
    const orgIds = actor.memberships.map((m) => m.organizationId);
    const partners: { organization_id: string; role: PartnerRole; status: PartnerStatus }[] = orgIds.length
      ? await em.query(
          `SELECT organization_id, role, status FROM programme_partners WHERE programme_id = $1 AND organization_id = ANY($2::uuid[])`,
          [programmeId, orgIds],
        )
      : [];
    const leadAdmin = actor.memberships.some(
      (m) => m.organizationId === programme.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
    );
    const named = leadAdmin
      ? true
      : (
          await em.query(`SELECT 1 FROM programme_managers WHERE programme_id = $1 AND user_id = $2`, [
            programmeId,
            actor.userId,
          ])
        ).length > 0;
    const active = partners.filter((p) => p.status === PartnerStatus.Active);
    const access: ProgrammeAccess = {
      programme,
      isPlatformAdmin: actor.platformRole === PlatformRole.Admin,
      isManager: leadAdmin || named,
      activePartnerOrgIds: active.map((p) => p.organization_id),
      workingPartnerOrgIds: active
        .filter((p) => p.role !== PartnerRole.Observer)
        .map((p) => p.organization_id),
      invitedOrgIds: partners.filter((p) => p.status === PartnerStatus.Invited).map((p) => p.organization_id),
    };
    if (!this.can(access, 'read')) throw CoreError.notFound('Programme');
    return access;
  }

  can(access: ProgrammeAccess, action: ProgrammeAction): boolean {
    switch (action) {
      case 'read':
        return (
          access.isPlatformAdmin ||
          access.isManager ||
          access.activePartnerOrgIds.length > 0 ||
          access.invitedOrgIds.length > 0
        );
      case 'manage':
        return access.isManager;
      case 'work':
        return access.isManager || access.workingPartnerOrgIds.length > 0;
    }
  }

  /** Loads and checks: 404 when the actor may not read, 403 when they may read but not do `action`. */
  async require(
    actor: Actor,
    programmeId: string,
    action: ProgrammeAction,
    em?: EntityManager,
    lock = false,
  ): Promise<ProgrammeAccess> {
    const access = await this.load(actor, programmeId, em, lock);
    if (!this.can(access, action)) {
      throw CoreError.forbidden(
        action === 'manage'
          ? 'Only the programme managers may do this'
          : 'Only working partners of the programme may do this',
      );
    }
    return access;
  }

  /**
   * Restricts a query over programmes (alias `p`) to those the actor may read, in SQL, so lists are
   * scoped by the database and not filtered afterwards.
   */
  scopeVisible<T extends object>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'p',
  ): SelectQueryBuilder<T> {
    if (actor.platformRole === PlatformRole.Admin) return qb;
    const orgIds = actor.memberships.map((m) => m.organizationId);
    const adminOf = actor.memberships
      .filter((m) => m.role === MembershipRole.OrgAdmin)
      .map((m) => m.organizationId);
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(
          `EXISTS (SELECT 1 FROM programme_managers pm WHERE pm.programme_id = ${alias}.id AND pm.user_id = :__scopeUser)`,
          {
            __scopeUser: actor.userId,
          },
        );
        if (adminOf.length)
          w.orWhere(`${alias}.lead_organization_id IN (:...__scopeAdminOf)`, { __scopeAdminOf: adminOf });
        if (orgIds.length) {
          w.orWhere(
            `EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = ${alias}.id AND pp.organization_id IN (:...__scopeOrgs) AND pp.status IN ('active', 'invited'))`,
            { __scopeOrgs: orgIds },
          );
        }
      }),
    );
  }
}
