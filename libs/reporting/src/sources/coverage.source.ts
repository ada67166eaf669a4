import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { INTEGRATION_DIMENSIONS, ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { fromArray, ReportContent, Row } from '../report-content';
import { visibleProgrammesSql } from './visible-programmes';

/** The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration. */
export const GCM_OBJECTIVES = 23;

interface CoverageRow {
  key: string;
  programmes: number;
  partners: number;
  titles: string | null;
}

/**
 * coverage: programmes and their (active) partner organisations by SDG target, by Global Compact
 * for Migration objective (all 23, so objectives no programme serves show as gaps) and by
 * integration dimension (all of them, gaps included), over every programme the requester may see.
 * Counted by PostgreSQL.
 */
@Injectable()
export class CoverageSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccessService,
  ) {}

  async check(): Promise<void> {
    // Every signed-in user may ask; the figures cover whatever programmes they can see.
  }

  async content(actor: Actor): Promise<ReportContent> {
    const { sql: visible, params } = visibleProgrammesSql(this.dataSource, this.access, actor);
    const n = params.length;
    const base = `WITH v AS (SELECT p.* FROM programmes p WHERE p.id IN (${visible})),
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
    const query = (sql: string, extra: unknown[] = []) =>
      this.dataSource.query<CoverageRow[]>(sql, [...params, ...extra]);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM programmes p WHERE p.id IN (${visible})`,
      params,
    );
    const gcm = await query(
      tally(
        `generate_series(1, ${GCM_OBJECTIVES}) WITH ORDINALITY AS k(key, ord)`,
        'k.key = ANY(v.gcm_objectives)',
      ),
    );
    const dims = await query(
      tally(`unnest($${n + 1}::varchar[]) WITH ORDINALITY AS k(key, ord)`, 'k.key = ANY(v.dimensions)'),
      [[...INTEGRATION_DIMENSIONS]],
    );
    const sdg = await query(
      tally(
        `(SELECT DISTINCT t AS key, 0 AS ord FROM v, unnest(v.sdg_targets) AS t) AS k`,
        'k.key = ANY(v.sdg_targets)',
      ),
    );
    const rows = (cells: CoverageRow[], label: string): Row[] =>
      cells.map((c) => ({
        [label]: c.key,
        programmes: c.programmes,
        partners: c.partners,
        gap: c.programmes === 0,
        programmeTitles: c.titles ?? '',
      }));
    const columns = (label: string, header: string) => [
      { key: label, header },
      { key: 'programmes', header: 'Programmes' },
      { key: 'partners', header: 'Partner organisations' },
      { key: 'gap', header: 'Gap' },
      { key: 'programmeTitles', header: 'Programmes serving it' },
    ];
    const gaps = gcm.filter((g) => g.programmes === 0).map((g) => g.key);
    return {
      title: 'Coverage: SDG targets, Global Compact for Migration objectives, integration dimensions',
      facts: [
        ['Programmes', total],
        ['GCM objectives served', GCM_OBJECTIVES - gaps.length],
        ['GCM objectives with no programme (gaps)', gaps.join(', ')],
        [
          'Integration dimensions with no programme',
          dims
            .filter((d) => d.programmes === 0)
            .map((d) => d.key)
            .join(', '),
        ],
      ],
      sections: [
        {
          name: 'gcm_objectives',
          title: 'Global Compact for Migration objectives',
          columns: columns('gcmObjective', 'GCM objective'),
          rows: () =>
            fromArray(rows(gcm, 'gcmObjective').map((r) => ({ ...r, gcmObjective: Number(r.gcmObjective) }))),
          charts: [
            {
              title: 'Programmes per GCM objective (0 = gap)',
              categories: gcm.map((g) => `Objective ${g.key}`),
              series: [{ name: 'programmes', values: gcm.map((g) => g.programmes) }],
            },
          ],
        },
        {
          name: 'sdg_targets',
          title: 'SDG targets',
          columns: columns('sdgTarget', 'SDG target'),
          rows: () => fromArray(rows(sdg, 'sdgTarget')),
          charts: sdg.length
            ? [
                {
                  title: 'Programmes and partners per SDG target',
                  categories: sdg.map((s) => `SDG ${s.key}`),
                  series: [
                    { name: 'programmes', values: sdg.map((s) => s.programmes) },
                    { name: 'partners', values: sdg.map((s) => s.partners) },
                  ],
                },
              ]
            : [],
        },
        {
          name: 'dimensions',
          title: 'Integration dimensions',
          columns: columns('dimension', 'Integration dimension'),
          rows: () => fromArray(rows(dims, 'dimension')),
          charts: [
            {
              title: 'Programmes and partners per integration dimension',
              categories: dims.map((d) => d.key),
              series: [
                { name: 'programmes', values: dims.map((d) => d.programmes) },
                { name: 'partners', values: dims.map((d) => d.partners) },
              ],
            },
          ],
        },
      ],
    };
  }
}
