import { Actor, PlatformRole } from '@tandem/auth';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The requester as an Actor, read fresh from the database (memberships as they are now): the
 * worker builds a report as its requester, so access lost since the request is respected. Null
 * when the account is gone or disabled.
 */
export async function loadRequester(db: DataSource | EntityManager, userId: string): Promise<Actor | null> {
  const rows = await db.query<
    { id: string; email: string; platform_role: PlatformRole; memberships: Actor['memberships'] | null }[]
  >(
    `SELECT u.id, u.email, u.platform_role,
            (SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
               FROM memberships m WHERE m.user_id = u.id) AS memberships
       FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`,
    [userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    platformRole: row.platform_role,
    sessionId: null,
    memberships: row.memberships ?? [],
  };
}

/**
 * Rows of an UPDATE/DELETE … RETURNING: TypeORM's query() gives those as [rows, affectedCount]
 * (and plain rows for SELECT/INSERT), so take the rows either way.
 */
export async function returning<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = (await db.query(sql, params)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
