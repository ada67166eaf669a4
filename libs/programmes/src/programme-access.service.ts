import { Injectable } from '@nestjs/common';
import { Actor, AccessDecision, authorize, isPlatformAdmin, MembershipRole } from '@tandem/core';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { PartnerRole, PartnerStatus, Programme } from './entities';
import { PartnershipRow, ProgrammesRepository } from './programmes.repository';

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

const REASONS: Record<ProgrammeAction, string> = {
  read: '',
  manage: 'Only the programme managers may do this',
  work: 'Only working partners of the programme may do this',
};

/**
 * The programme policy: who may read, manage and work a programme and everything under it
 * (partners, milestones, tasks, indicators). Anyone who may not read gets 404, never 403, so ids
 * of other partnerships are not revealed (see `authorize`). Platform admins read everything and
 * change nothing.
 */
@Injectable()
export class ProgrammeAccessService {
  constructor(private readonly programmes: ProgrammesRepository) {}

  /** Loads the programme and the actor's relation to it; 404 if it does not exist or is not visible. */
  async load(
    actor: Actor,
    programmeId: string,
    em: EntityManager = this.programmes.manager,
    lock = false,
  ): Promise<ProgrammeAccess> {
    return this.require(actor, programmeId, 'read', em, lock);
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

  decide(access: ProgrammeAccess | null, action: ProgrammeAction): AccessDecision {
    return {
      what: 'Programme',
      visible: !!access && this.can(access, 'read'),
      permitted: !!access && this.can(access, action),
      reason: REASONS[action],
    };
  }

  /** Loads and checks: 404 when the actor may not read, 403 when they may read but not do `action`. */
  async require(
    actor: Actor,
    programmeId: string,
    action: ProgrammeAction,
    em: EntityManager = this.programmes.manager,
    lock = false,
  ): Promise<ProgrammeAccess> {
    const access = await this.relation(actor, programmeId, em, lock);
    authorize(this.decide(access, action));
    return access!;
  }

  /** Restricts a query over programmes (alias `p`) to those the actor may read, in SQL. */
  scopeVisible<T extends object>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'p',
  ): SelectQueryBuilder<T> {
    return this.programmes.scopeVisible(qb, actor, alias);
  }

  private async relation(
    actor: Actor,
    programmeId: string,
    em: EntityManager,
    lock: boolean,
  ): Promise<ProgrammeAccess | null> {
    const orgIds = actor.memberships.map((m) => m.organizationId);
    let programme: Programme;
    let partners: PartnershipRow[];
    let named: boolean;
    const leadAdminOf = (p: Programme) =>
      actor.memberships.some(
        (m) => m.organizationId === p.leadOrganizationId && m.role === MembershipRole.OrgAdmin,
      );
    if (lock) {
      const locked = await this.programmes.findById(em, programmeId, true);
      if (!locked) return null;
      programme = locked;
      partners = await this.programmes.partnershipsOf(em, programmeId, orgIds);
      named = leadAdminOf(programme) || (await this.programmes.isNamedManager(em, programmeId, actor.userId));
    } else {
      // Reads (every request under a programme) take one round trip.
      const relation = await this.programmes.relationOf(em, programmeId, orgIds, actor.userId);
      if (!relation) return null;
      ({ programme, partners, namedManager: named } = relation);
    }
    const leadAdmin = leadAdminOf(programme);
    const active = partners.filter((p) => p.status === PartnerStatus.Active);
    return {
      programme,
      isPlatformAdmin: isPlatformAdmin(actor),
      isManager: leadAdmin || named,
      activePartnerOrgIds: active.map((p) => p.organizationId),
      workingPartnerOrgIds: active
        .filter((p) => p.role !== PartnerRole.Observer)
        .map((p) => p.organizationId),
      invitedOrgIds: partners.filter((p) => p.status === PartnerStatus.Invited).map((p) => p.organizationId),
    };
  }
}
