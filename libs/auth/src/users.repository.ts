import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlatformRole } from '@tandem/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { User } from './entities';

/** The postgres driver answers UPDATE … RETURNING with [rows, count]. */
function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

export interface EnabledUserRow {
  id: string;
  email: string;
  platformRole: PlatformRole;
}

/** Queries over users and their sessions (auth's tables). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { email: email.toLowerCase() });
  }

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { id });
  }

  /** Name and e-mail of users by id, by name (unknown ids are absent). */
  async people(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; name: string; email: string }[]> {
    if (!ids.length) return [];
    return em.find(User, {
      where: { id: In([...new Set(ids)]) },
      select: { id: true, name: true, email: true },
    });
  }

  /** Ids of the enabled platform admins. */
  async platformAdminIds(em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const admins = await em.find(User, {
      where: { platformRole: PlatformRole.Admin, disabledAt: IsNull() },
      select: { id: true },
    });
    return admins.map((u) => u.id);
  }

  /** The user's display name ('' when unknown). */
  async nameOf(em: EntityManager, userId: string): Promise<string> {
    return (await em.findOne(User, { where: { id: userId }, select: { name: true } }))?.name ?? '';
  }

  /**
   * Counts a failed sign-in and locks the account once `maxFailures` is reached, in one atomic
   * statement so parallel failures all count. Returns the lock's end, if any.
   */
  async countFailedLogin(userId: string, maxFailures: number, lockMinutes: number): Promise<Date | null> {
    const result: unknown = await this.dataSource.query(
      `UPDATE users
          SET failed_login_count = failed_login_count + 1,
              locked_until = CASE WHEN failed_login_count + 1 >= $2
                                  THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1
      RETURNING locked_until`,
      [userId, maxFailures, lockMinutes],
    );
    return returnedRows<{ locked_until: Date | null }>(result)[0]?.locked_until ?? null;
  }

  /**
   * The enabled user behind a live session, or null: one query that also proves the user is
   * enabled and the session not revoked (so logout and token-reuse detection take effect at once).
   */
  async enabledWithSession(userId: string, sessionId: string): Promise<EnabledUserRow | null> {
    const rows: EnabledUserRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.platform_role AS "platformRole"
         FROM users u
         JOIN sessions s ON s.user_id = u.id AND s.id = $2 AND s.revoked_at IS NULL
        WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [userId, sessionId],
    );
    return rows[0] ?? null;
  }

  /** Enabled users by id or e-mail; disabled or unknown ones are simply absent. */
  async enabled(by: { ids: string[] } | { emails: string[] }, em?: EntityManager): Promise<EnabledUserRow[]> {
    const [column, values] = 'ids' in by ? ['id', by.ids] : ['email', by.emails];
    if (!values.length) return [];
    return (em ?? this.dataSource).query(
      `SELECT u.id, u.email, u.platform_role AS "platformRole"
         FROM users u
        WHERE u.${column} = ANY($1::${column === 'id' ? 'uuid' : 'text'}[]) AND u.disabled_at IS NULL`,
      [values],
    );
  }

  /**
   * Serialises first-admin bootstraps: many replicas may start at once, and a transaction-scoped
   * advisory lock lets exactly one of them create the admin.
   */
  async lockAdminBootstrap(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('tandem:admin-bootstrap'))`);
  }

  /** The user's language and time zone (what notifications are written in and timed by). */
  async localeOf(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ language: string; timeZone: string } | null> {
    const user = await em.findOne(User, {
      where: { id: userId },
      select: { id: true, preferredLanguage: true, timeZone: true },
    });
    return user && { language: user.preferredLanguage, timeZone: user.timeZone };
  }

  async setLocale(em: EntityManager, userId: string, language: string, timeZone: string): Promise<void> {
    await em.query(
      `UPDATE users SET preferred_language = $2, time_zone = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [userId, language, timeZone],
    );
  }
}
