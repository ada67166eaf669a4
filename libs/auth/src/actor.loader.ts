import { MembershipRole, PlatformRole, Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Membership } from './entities';

interface ActorRow {
  id: string;
  email: string;
  platform_role: PlatformRole;
  memberships: { organizationId: string; role: MembershipRole }[] | null;
}

/**
 * Turns verified token claims into an Actor: one query that also proves the user is enabled and the
 * session not revoked (so logout and token-reuse detection take effect at once).
 */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.platform_role,
              (SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
                 FROM ${this.dataSource.getMetadata(Membership).tableName} m WHERE m.user_id = u.id) AS memberships
         FROM users u
         JOIN sessions s ON s.user_id = u.id AND s.id = $2 AND s.revoked_at IS NULL
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [userId, sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      email: row.email,
      platformRole: row.platform_role,
      sessionId,
      memberships: row.memberships ?? [],
    };
  }

  /**
   * Enabled users as Actors without a session, in one query, memberships as they are now: for work
   * done on someone's behalf outside a request (a report built as its requester, recipients and
   * mentioned people checked by the policy as if they were asking). Disabled or unknown users are
   * simply absent. `em` reads inside the caller's transaction.
   */
  async loadUsers(by: { ids: string[] } | { emails: string[] }, em?: EntityManager): Promise<Actor[]> {
    const [column, values] = 'ids' in by ? ['id', by.ids] : ['email', by.emails];
    if (!values.length) return [];
    const rows: ActorRow[] = await (em ?? this.dataSource).query(
      `SELECT u.id, u.email, u.platform_role,
              (SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
                 FROM ${this.dataSource.getMetadata(Membership).tableName} m WHERE m.user_id = u.id) AS memberships
         FROM users u
        WHERE u.${column} = ANY($1::${column === 'id' ? 'uuid' : 'text'}[]) AND u.disabled_at IS NULL`,
      [values],
    );
    return rows.map((row) => ({
      userId: row.id,
      email: row.email,
      platformRole: row.platform_role,
      sessionId: null,
      memberships: row.memberships ?? [],
    }));
  }

  /** One enabled user as a sessionless Actor (see `loadUsers`), or null. */
  async loadUser(userId: string, em?: EntityManager): Promise<Actor | null> {
    return (await this.loadUsers({ ids: [userId] }, em))[0] ?? null;
  }
}
