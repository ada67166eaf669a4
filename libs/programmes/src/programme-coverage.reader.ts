import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** How many programmes (and their active partner organisations) serve one key; `titles` joined by '; '. */
export interface CoverageCell {
  key: string;
  programmes: number;
  partners: number;
  titles: string | null;
}

@Injectable()
export class ProgrammeCoverageReader {
  /**
   * What reports may read of programmes' coverage: over the programmes `visible` selects (SQL giving
   * their ids, with its parameters $1…, from ProgrammeAccessService.scopeVisible), the programmes and
   * their active partners by Global Compact objective (1…`gcmObjectives`, gaps included), by
   * integration dimension (every one of `dimensions`, gaps included) and by SDG target. Counted by
   * PostgreSQL.
   */
  async coverage(
    em: EntityManager,
    visible: { sql: string; params: unknown[] },
    dimensions: readonly string[],
    gcmObjectives: number,
  ): Promise<{ total: number; gcm: CoverageCell[]; dimensions: CoverageCell[]; sdg: CoverageCell[] }> {
    const { sql, params } = visible;
    const n = params.length;
    const base = `WITH v AS (SELECT p.* FROM programmes p WHERE p.id IN (${sql})),
        partners AS (SELECT programme_id, organization_id FROM programme_partners WHERE status = 'active' AND programme_id IN (SELECT id FROM v))`;
    const tally = (keys: string, match: string) => `${base}
        SELECT k.key::text AS key,
               count(DISTINCT v.id)::int AS programmes,
               count(DISTINCT pa.organization_id)::int AS partners,
               string_agg(DISTINCT v.title, '; ') AS titles
          FROM ${keys}
          LEFT JOIN v ON ${match}
          LEFT JOIN partners pa ON pa.programme_id = v.id
         GROUP BY k.key, k.ord ORDER BY k.ord, k.key`;
    const query = (q: string, extra: unknown[] = []) => em.query<CoverageCell[]>(q, [...params, ...extra]);
    const [{ total }] = await em.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM programmes p WHERE p.id IN (${sql})`,
      params,
    );
    const gcm = await query(
      tally(
        `generate_series(1, ${gcmObjectives}) WITH ORDINALITY AS k(key, ord)`,
        'k.key = ANY(v.gcm_objectives)',
      ),
    );
    const dims = await query(
      tally(`unnest($${n + 1}::varchar[]) WITH ORDINALITY AS k(key, ord)`, 'k.key = ANY(v.dimensions)'),
      [[...dimensions]],
    );
    const sdg = await query(
      tally(
        `(SELECT DISTINCT t AS key, 0 AS ord FROM v, unnest(v.sdg_targets) AS t) AS k`,
        'k.key = ANY(v.sdg_targets)',
      ),
    );
    return { total, gcm, dimensions: dims, sdg };
  }
}
