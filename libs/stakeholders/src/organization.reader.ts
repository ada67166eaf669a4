import { EntityManager } from 'typeorm';

/**
 * What other libraries may read of organisations and memberships: they call these instead of
 * querying the tables, so the SQL stays with the library that owns them.
 */
export const organizationReader = {
  /** The organisation's name, or '' when there is none with this id. */
  async name(em: EntityManager, organizationId: string): Promise<string> {
    const rows: { name: string }[] = await em.query(`SELECT name FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    return rows[0]?.name ?? '';
  },

  /** The organisation's kind (`employer`, `government`, …), or null when there is none with this id. */
  async kind(em: EntityManager, organizationId: string): Promise<string | null> {
    const rows: { kind: string }[] = await em.query(`SELECT kind FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    return rows[0]?.kind ?? null;
  },

  /** Which of these ids are organisations. */
  async existing(em: EntityManager, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await em.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  },

  /** Name and kind of each organisation, ordered by name (then id). */
  async summaries(em: EntityManager, ids: string[]): Promise<{ id: string; name: string; kind: string }[]> {
    if (!ids.length) return [];
    return em.query(`SELECT id, name, kind FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [
      ids,
    ]);
  },

  async isMember(em: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM memberships WHERE user_id = $1 AND organization_id = $2`,
      [userId, organizationId],
    );
    return rows.length > 0;
  },

  /**
   * Government organisations whose jurisdiction is the territory or lies under it (a territory code's
   * descendants share its prefix: docs/measuring.md), with their jurisdiction. Public pages (issue 20).
   */
  async governmentsWithin(
    em: EntityManager,
    territoryCode: string,
  ): Promise<{ id: string; name: string; territoryCode: string }[]> {
    const rows: { id: string; name: string; territory_code: string }[] = await em.query(
      `SELECT o.id, o.name, gp.territory_code
         FROM organizations o JOIN government_profiles gp ON gp.organization_id = o.id
        WHERE gp.territory_code = $1 OR gp.territory_code LIKE $1 || '-%'
        ORDER BY o.name, o.id`,
      [territoryCode],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, territoryCode: r.territory_code }));
  },

  /** Name and jurisdiction of government organisations (public pages name the owner of an outcome). */
  async governments(
    em: EntityManager,
    ids: string[],
  ): Promise<Map<string, { name: string; territoryCode: string | null }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; territory_code: string | null }[] = await em.query(
      `SELECT o.id, o.name, gp.territory_code
         FROM organizations o LEFT JOIN government_profiles gp ON gp.organization_id = o.id
        WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, territoryCode: r.territory_code }]));
  },
};
