import { EntityManager } from 'typeorm';
import { ProgrammeStatus } from './entities';

/**
 * What other libraries may read of programmes, partners and milestones: they call these instead of
 * querying the tables, so the SQL stays with the library that owns them.
 */
export const programmeReader = {
  async summary(
    em: EntityManager,
    programmeId: string,
  ): Promise<{ title: string; status: ProgrammeStatus } | null> {
    const rows: { title: string; status: ProgrammeStatus }[] = await em.query(
      `SELECT title, status FROM programmes WHERE id = $1`,
      [programmeId],
    );
    return rows[0] ?? null;
  },

  async titles(em: EntityManager, programmeIds: string[]): Promise<Map<string, string>> {
    if (!programmeIds.length) return new Map();
    const rows: { id: string; title: string }[] = await em.query(
      `SELECT id, title FROM programmes WHERE id = ANY($1::uuid[])`,
      [programmeIds],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  /**
   * Takes the programme row FOR NO KEY UPDATE: serialises changes that must see each other (tasks'
   * dependency graph), while inserts of rows that reference the programme stay unblocked.
   */
  async lock(em: EntityManager, programmeId: string): Promise<void> {
    await em.query(`SELECT 1 FROM programmes WHERE id = $1 FOR NO KEY UPDATE`, [programmeId]);
  },

  /** The organisation's place in the programme, if it has one. */
  async partnership(
    em: EntityManager,
    programmeId: string,
    organizationId: string,
  ): Promise<{ role: string; status: string } | null> {
    const rows: { role: string; status: string }[] = await em.query(
      `SELECT role, status FROM programme_partners WHERE programme_id = $1 AND organization_id = $2`,
      [programmeId, organizationId],
    );
    return rows[0] ?? null;
  },

  /**
   * Which of `ids` are programmes the organisation leads or is an active or invited partner of (so
   * a check reveals nothing about other partnerships).
   */
  async ofOrganization(em: EntityManager, organizationId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await em.query(
      `SELECT p.id FROM programmes p
        WHERE p.id = ANY($1::uuid[])
          AND (p.lead_organization_id = $2
               OR EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.organization_id = $2 AND pp.status IN ('active', 'invited')))`,
      [ids, organizationId],
    );
    return new Set(rows.map((r) => r.id));
  },

  /** The programmes the organisation is an active partner of. */
  async activeProgrammesOf(em: EntityManager, organizationId: string): Promise<Set<string>> {
    const rows: { programme_id: string }[] = await em.query(
      `SELECT programme_id FROM programme_partners WHERE organization_id = $1 AND status = 'active'`,
      [organizationId],
    );
    return new Set(rows.map((r) => r.programme_id));
  },

  async hasMilestone(em: EntityManager, programmeId: string, milestoneId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM milestones WHERE id = $1 AND programme_id = $2`, [
      milestoneId,
      programmeId,
    ]);
    return rows.length > 0;
  },
};
