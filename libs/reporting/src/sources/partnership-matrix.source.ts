import { Actor } from '@tandem/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { columns, ReportContent, Row } from '../report-content';
import { cursorRows } from '@tandem/core';
import { visibleProgrammesSql } from './visible-programmes';

/** Active partners of the visible programmes, with their organisation's kind and government level. */
const PARTNERS = (visible: string) => `
  pp AS (
    SELECT pp.programme_id, o.id AS organization_id, o.name, o.kind, g.level, pp.role
      FROM programme_partners pp
      JOIN organizations o ON o.id = pp.organization_id
      LEFT JOIN government_profiles g ON g.organization_id = o.id
     WHERE pp.status = 'active' AND pp.programme_id IN (${visible})),
  agg AS (
    SELECT programme_id,
           string_agg(DISTINCT level, ';' ORDER BY level) AS government_levels,
           string_agg(DISTINCT kind, ';' ORDER BY kind) FILTER (WHERE kind <> 'government') AS other_kinds,
           count(DISTINCT level)::int AS levels,
           count(*)::int AS partners
      FROM pp GROUP BY programme_id)`;

/** Empty arrays still give one row (with null), so a programme without dimensions is not dropped. */
const orNull = (col: string) =>
  `unnest(CASE WHEN cardinality(${col}) = 0 THEN ARRAY[NULL]::varchar[] ELSE ${col}::varchar[] END)`;

/**
 * partnership_matrix, "who does what where": one row per organisation × integration dimension ×
 * place × period × target group over every programme the requester may see, each row carrying
 * which government levels and which other kinds of stakeholder take part in its programme.
 * Aggregated and unnested by PostgreSQL, streamed through a cursor.
 */
@Injectable()
export class PartnershipMatrixSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccessService,
  ) {}

  async check(): Promise<void> {
    // Every signed-in user may ask; the rows are whatever programmes they can see.
  }

  async content(actor: Actor): Promise<ReportContent> {
    const { sql: visible, params } = visibleProgrammesSql(this.dataSource, this.access, actor);
    const programmesSql = `WITH ${PARTNERS(visible)}
      SELECT p.title AS programme, p.status AS "programmeStatus",
             p.country, p.region, p.city,
             to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
             agg.partners, COALESCE(agg.government_levels, '') AS "governmentLevels",
             COALESCE(agg.other_kinds, '') AS "otherStakeholderKinds",
             agg.levels >= 2 AS "wholeOfGovernment",
             agg.levels >= 1 AND agg.other_kinds IS NOT NULL AS "wholeOfSociety"
        FROM programmes p JOIN agg ON agg.programme_id = p.id
       ORDER BY p.title, p.id`;
    const matrixSql = `WITH ${PARTNERS(visible)}
      SELECT pp.name AS organization, pp.kind AS "organizationKind", pp.level AS "governmentLevel", pp.role,
             p.title AS programme, d.dimension, p.country, p.region, p.city,
             to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
             tg.target_group AS "targetGroup",
             COALESCE(agg.government_levels, '') AS "governmentLevels",
             COALESCE(agg.other_kinds, '') AS "otherStakeholderKinds"
        FROM programmes p
        JOIN pp ON pp.programme_id = p.id
        JOIN agg ON agg.programme_id = p.id
        CROSS JOIN LATERAL ${orNull('p.dimensions')} AS d(dimension)
        CROSS JOIN LATERAL ${orNull('p.target_groups')} AS tg(target_group)
       ORDER BY p.title, p.id, pp.name, pp.organization_id, d.dimension, tg.target_group`;
    const [{ n, programmes }] = await this.dataSource.query<{ n: string; programmes: string }[]>(
      `WITH ${PARTNERS(visible)}
       SELECT COALESCE(sum(GREATEST(cardinality(p.dimensions), 1) * GREATEST(cardinality(p.target_groups), 1)), 0) AS n,
              count(DISTINCT p.id) AS programmes
         FROM programmes p JOIN pp ON pp.programme_id = p.id`,
      params,
    );
    const ds = this.dataSource;
    const stream = (sql: string) =>
      async function* (): AsyncIterable<Row> {
        yield* cursorRows<Row>(ds, sql, params);
      };
    return {
      title: 'Partnership matrix: who does what where',
      facts: [
        ['Programmes', Number(programmes)],
        ['Rows', Number(n)],
        ['Scope', 'Every programme you may see; active partners only'],
      ],
      totalRows: Number(n),
      sections: [
        {
          name: 'programmes',
          title: 'Programmes: levels of government and stakeholders taking part',
          columns: columns({
            programme: 'Programme',
            programmeStatus: 'Status',
            country: 'Country',
            region: 'Region',
            city: 'City',
            startDate: 'Start',
            endDate: 'End',
            partners: 'Partners',
            governmentLevels: 'Government levels',
            otherStakeholderKinds: 'Other stakeholders',
            wholeOfGovernment: 'Whole of government (2+ levels)',
            wholeOfSociety: 'Whole of society (government + others)',
          }),
          rows: stream(programmesSql),
        },
        {
          name: 'matrix',
          title: 'Who does what where',
          columns: columns({
            organization: 'Organisation',
            organizationKind: 'Kind',
            governmentLevel: 'Government level',
            role: 'Role',
            programme: 'Programme',
            dimension: 'Integration dimension',
            country: 'Country',
            region: 'Region',
            city: 'City',
            startDate: 'Start',
            endDate: 'End',
            targetGroup: 'Target group',
            governmentLevels: 'Government levels in programme',
            otherStakeholderKinds: 'Other stakeholders in programme',
          }),
          rows: stream(matrixSql),
        },
      ],
    };
  }
}
