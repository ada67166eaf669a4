import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Membership, MembershipRole, PlatformRole } from './entities';
import { Actor } from './policy/actor';

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
}
