import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { authorize, CoreError, Actor, PlatformRole } from '@tandem/core';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Consultation, ConsultationAudience } from './entities';

export type ConsultationAction = 'read' | 'manage' | 'respond';

/** What one actor is to one consultation. */
export interface ConsultationAccess {
  consultation: Consultation;
  /** A member (any role) of the owning government organisation. */
  isOwner: boolean;
  isPlatformAdmin: boolean;
  /** The actor's organisations that may answer: invited ones, or any but the owner for all_organizations. */
  respondingOrgIds: string[];
}

/**
 * The consultation policy. Members of the owning organisation manage it; members of invited
 * organisations (any organisation for all_organizations) see it once it has been scheduled and
 * answer while it is open; platform admins read everything and change nothing. Anyone else gets
 * 404, so ids of other consultations are not revealed; 403 is for those who see but may not act.
 */
@Injectable()
export class ConsultationAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async require(
    actor: Actor,
    consultationId: string,
    action: ConsultationAction,
    em: EntityManager = this.dataSource.manager,
    lock: 'update' | 'share' | false = false,
  ): Promise<ConsultationAccess> {
    const consultation = await em.findOne(Consultation, {
      where: { id: consultationId },
      ...(lock
        ? {
            lock: {
              mode: lock === 'update' ? ('pessimistic_write' as const) : ('pessimistic_read' as const),
            },
          }
        : {}),
    });
    if (!consultation) throw CoreError.notFound('Consultation');
    const orgIds = actor.memberships.map((m) => m.organizationId);
    const isOwner = orgIds.includes(consultation.organizationId);
    const isPlatformAdmin = actor.platformRole === PlatformRole.Admin;
    let respondingOrgIds: string[] = [];
    const others = orgIds.filter((o) => o !== consultation.organizationId);
    if (consultation.announcedAt && others.length) {
      if (consultation.audience === ConsultationAudience.AllOrganizations) {
        respondingOrgIds = others;
      } else {
        const rows: { organization_id: string }[] = await em.query(
          `SELECT organization_id FROM consultation_invitations WHERE consultation_id = $1 AND organization_id = ANY($2::uuid[])`,
          [consultationId, others],
        );
        respondingOrgIds = rows.map((r) => r.organization_id);
      }
    }
    authorize({
      what: 'Consultation',
      visible: isOwner || isPlatformAdmin || respondingOrgIds.length > 0,
      permitted: action === 'manage' ? isOwner : action === 'respond' ? respondingOrgIds.length > 0 : true,
      reason:
        action === 'manage'
          ? 'Only members of the owning organisation manage this consultation'
          : 'Only members of invited organisations answer this consultation',
    });
    return { consultation, isOwner, isPlatformAdmin, respondingOrgIds };
  }

  /** Restricts a query over consultations (alias `c`) to those the actor may see, in SQL. */
  scopeVisible<T extends object>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'c',
  ): SelectQueryBuilder<T> {
    if (actor.platformRole === PlatformRole.Admin) return qb;
    const orgIds = actor.memberships.map((m) => m.organizationId);
    if (orgIds.length === 0) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `(${alias}.organization_id = ANY(:scopeOrgIds::uuid[])
        OR (${alias}.announced_at IS NOT NULL AND (
              (${alias}.audience = :scopeAll AND EXISTS (SELECT 1 FROM unnest(:scopeOrgIds::uuid[]) o(id) WHERE o.id <> ${alias}.organization_id))
           OR EXISTS (SELECT 1 FROM consultation_invitations sci WHERE sci.consultation_id = ${alias}.id AND sci.organization_id = ANY(:scopeOrgIds::uuid[])))))`,
      { scopeOrgIds: orgIds, scopeAll: ConsultationAudience.AllOrganizations },
    );
  }
}
