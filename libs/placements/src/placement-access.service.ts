import { Actor, MembershipRole, PlatformRole } from '@tandem/core';
import { Injectable } from '@nestjs/common';

import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';

/** Programmes the actor manages (org admin of the lead, or named manager), as a SQL sub-query. */
const MANAGED_PROGRAMMES = `(SELECT mp.id FROM programmes mp WHERE mp.lead_organization_id = ANY(CAST(:__adminOf AS uuid[]))
   UNION SELECT pm.programme_id FROM programme_managers pm WHERE pm.user_id = :__me)`;

/**
 * Who sees which placements, participants and check-ins, applied inside the SQL of every read:
 * - an employer's members: the placements of their organisation (and those placements' check-ins);
 * - programme managers: the placements linked to their programmes;
 * - participants: the organisation that registered them, employers that placed them, and the
 *   managers of the programme they were registered under or placed through;
 * - platform admins read everything (and change nothing).
 * Anyone else finds nothing, so reads answer 404.
 */
@Injectable()
export class PlacementAccessService {
  isAdmin(actor: Actor): boolean {
    return actor.platformRole === PlatformRole.Admin;
  }

  orgIds(actor: Actor): string[] {
    return actor.memberships.map((m) => m.organizationId);
  }

  isMemberOf(actor: Actor, organizationId: string): boolean {
    return actor.memberships.some((m) => m.organizationId === organizationId);
  }

  private params(actor: Actor) {
    return {
      __orgs: this.orgIds(actor),
      __adminOf: actor.memberships
        .filter((m) => m.role === MembershipRole.OrgAdmin)
        .map((m) => m.organizationId),
      __me: actor.userId,
    };
  }

  /** Restricts a query over placements (alias `pl`) to those the actor may read. */
  scopePlacements<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'pl',
  ): SelectQueryBuilder<T> {
    if (this.isAdmin(actor)) return qb;
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(`${alias}.employer_organization_id = ANY(CAST(:__orgs AS uuid[]))`).orWhere(
          `${alias}.programme_id IN ${MANAGED_PROGRAMMES}`,
        );
      }),
      this.params(actor),
    );
  }

  /** Restricts a query over participants (alias `pa`) to those the actor may read. */
  scopeParticipants<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'pa',
  ): SelectQueryBuilder<T> {
    if (this.isAdmin(actor)) return qb;
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(`${alias}.registered_by_organization_id = ANY(CAST(:__orgs AS uuid[]))`)
          .orWhere(`${alias}.programme_id IN ${MANAGED_PROGRAMMES}`)
          .orWhere(
            `EXISTS (SELECT 1 FROM placements xp WHERE xp.participant_id = ${alias}.id
               AND (xp.employer_organization_id = ANY(CAST(:__orgs AS uuid[])) OR xp.programme_id IN ${MANAGED_PROGRAMMES}))`,
          );
      }),
      this.params(actor),
    );
  }
}
