import { Injectable } from '@nestjs/common';
import { Actor, PlatformRole } from '@tandem/core';
import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';

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

  /** Restricts a query over placements (alias `pl`) to rows the actor may read. */
  scopePlacements<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'pl',
  ): SelectQueryBuilder<T> {
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(`${alias}.employer_organization_id = ANY(CAST(:__orgs AS uuid[]))`).orWhere(
          `EXISTS (SELECT 1 FROM participants xpa WHERE xpa.id = ${alias}.participant_id
             AND xpa.registered_by_organization_id = ANY(CAST(:__orgs AS uuid[])))`,
        );
      }),
      { __orgs: this.orgIds(actor) },
    );
  }

  /** Restricts a query over participants (alias `pa`) to rows the actor may read. */
  scopeParticipants<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias = 'pa',
  ): SelectQueryBuilder<T> {
    return qb.andWhere(
      new Brackets((w: WhereExpressionBuilder) => {
        w.where(`${alias}.registered_by_organization_id = ANY(CAST(:__orgs AS uuid[]))`).orWhere(
          `EXISTS (SELECT 1 FROM placements xp WHERE xp.participant_id = ${alias}.id
               AND xp.employer_organization_id = ANY(CAST(:__orgs AS uuid[])))`,
        );
      }),
      { __orgs: this.orgIds(actor) },
    );
  }

  /**
   * SQL (over `pl` placements joined to `pa` participants) that is true for rows the actor sees
   * anyway; statistics use it so a cell is never shown when subtracting these reveals a small group.
   */
  ownRowsSql(orgsParam: string): string {
    return `(pl.employer_organization_id = ANY(${orgsParam}::uuid[]) OR pa.registered_by_organization_id = ANY(${orgsParam}::uuid[]))`;
  }
}
