import { EntityManager } from 'typeorm';

/** What other libraries may read of users: names to show beside what someone did. */
export const userReader = {
  async name(em: EntityManager, userId: string): Promise<string> {
    const rows: { name: string }[] = await em.query(`SELECT name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.name ?? '';
  },

  async names(em: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((u) => [u.id, u.name]));
  },
};
