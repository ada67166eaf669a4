import { Injectable } from '@nestjs/common';
import { Actor, CoreError, PlatformRole } from '@tandem/core';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

type Query<T extends ObjectLiteral> = SelectQueryBuilder<T>;

/**
 * The rows one of the actor's organisations (`:__orgs`) may read: those it holds itself, or those
 * on the other side of one of its placements (an employer sees the participants it placed; the
 * registering organisation, the placements of its participants).
 */
const READABLE = {
  placements: (pl: string) => `(${pl}.employer_organization_id = ANY(CAST(:__orgs AS uuid[]))
    OR EXISTS (SELECT 1 FROM participants xpa WHERE xpa.id = ${pl}.participant_id
      AND xpa.registered_by_organization_id = ANY(CAST(:__orgs AS uuid[]))))`,
  participants: (pa: string) => `(${pa}.registered_by_organization_id = ANY(CAST(:__orgs AS uuid[]))
    OR EXISTS (SELECT 1 FROM placements xp WHERE xp.participant_id = ${pa}.id
      AND xp.employer_organization_id = ANY(CAST(:__orgs AS uuid[]))))`,
};

/**
 * Who sees rows (placements, participants, check-ins), applied inside the SQL of every read. Row-level
 * data stays with the two organisations that hold it anyway (docs/security.md):
 * - the employer that placed the person: its placements, their check-ins and the placed participants;
 * - the organisation that registered the participant: the participant and every placement of them.
 * Programme managers and platform admins get aggregates with suppression (PlacementStatsService),
 * never rows; a platform admin who must inspect a record uses the audited break-glass read.
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

  /**
   * Only an employer's own members log or import its placements: 400 when `organizationId` names no
   * organisation (`kind` null), 403 when the actor is not its member, then 422 when it is no employer.
   */
  assertEmployerMember(
    actor: Actor,
    organizationId: string,
    kind: string | null,
    doing: 'log' | 'import',
  ): void {
    if (!kind) throw CoreError.invalid('employerOrganizationId', 'is not an organisation');
    if (!this.isMemberOf(actor, organizationId)) {
      throw CoreError.forbidden(`Only the employer's own members ${doing} its placements`);
    }
    if (kind !== 'employer') {
      throw new PlacementsError(
        PlacementsErrorCode.OrganizationCannotDoThis,
        'employerOrganizationId is not an employer',
        'employerOrganizationId',
      );
    }
  }

  /** Restricts a query over placements (alias `pl`) to rows the actor may read. */
  scopePlacements<T extends ObjectLiteral>(qb: Query<T>, actor: Actor, alias = 'pl'): Query<T> {
    return qb.andWhere(READABLE.placements(alias), { __orgs: this.orgIds(actor) });
  }

  /** Restricts a query over participants (alias `pa`) to rows the actor may read. */
  scopeParticipants<T extends ObjectLiteral>(qb: Query<T>, actor: Actor, alias = 'pa'): Query<T> {
    return qb.andWhere(READABLE.participants(alias), { __orgs: this.orgIds(actor) });
  }

  /**
   * SQL (over `pl` placements joined to `pa` participants) that is true for rows the actor sees
   * anyway; statistics use it so a cell is never shown when subtracting these reveals a small group.
   */
  ownRowsSql(orgsParam: string): string {
    return `(pl.employer_organization_id = ANY(${orgsParam}::uuid[]) OR pa.registered_by_organization_id = ANY(${orgsParam}::uuid[]))`;
  }
}
