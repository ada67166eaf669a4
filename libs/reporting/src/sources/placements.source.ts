import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { CoreError, Actor } from '@tandem/core';
import { BreakdownCell, Placement, PlacementAccessService, PlacementStatsService } from '@tandem/placements';

import { ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { Cell, fromArray, ReportContent, Row, Section } from '../report-content';
import { cursorRows } from './cursor';

export interface PlacementsParameters {
  programmeId?: string;
  employerOrganizationId?: string;
}

const ROW_COLUMNS = [
  { key: 'placementId', header: 'Placement' },
  { key: 'participantReference', header: 'Participant reference' },
  { key: 'employer', header: 'Employer' },
  { key: 'programme', header: 'Programme' },
  { key: 'jobTitle', header: 'Job title' },
  { key: 'occupationCode', header: 'ISCO-08' },
  { key: 'sector', header: 'ISIC section' },
  { key: 'contractType', header: 'Contract type' },
  { key: 'hoursPerWeek', header: 'Hours per week' },
  { key: 'startDate', header: 'Start date' },
  { key: 'placementStatus', header: 'Status' },
  { key: 'endDate', header: 'End date' },
];

/**
 * placements: the placement statistics (PlacementStatsService: the same scoping and the same
 * small-cell suppression as GET /placements/stats) plus, when the view is exact (an employer's own
 * placements), every placement as a row, streamed from a cursor. A suppressed view (a programme's
 * managers across its employers, platform admins) has no row-level section: rows would give back
 * the small cells the suppression hides.
 */
@Injectable()
export class PlacementsSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: PlacementStatsService,
    private readonly access: PlacementAccessService,
    private readonly programmes: ProgrammeAccessService,
  ) {}

  /** The cheap part of the stats' scoping rules, at request time: 404 for what the actor cannot see. */
  async check(actor: Actor, p: PlacementsParameters): Promise<void> {
    const requested = p.employerOrganizationId;
    const mine = requested ? this.access.isMemberOf(actor, requested) : false;
    if (p.programmeId) {
      const a = await this.programmes.load(actor, p.programmeId);
      if (!a.isManager && !a.isPlatformAdmin && requested && !mine) throw CoreError.notFound('Employer');
    } else if (requested && !mine && !this.access.isAdmin(actor)) {
      throw CoreError.notFound('Employer');
    }
  }

  async content(actor: Actor, p: PlacementsParameters): Promise<ReportContent> {
    const s = await this.stats.stats(actor, p);
    const employerNames = await this.names(s.byEmployer.map((c) => c.key));
    const breakdown = (
      name: string,
      title: string,
      keyHeader: string,
      cells: BreakdownCell[],
      label = (k: string) => k,
    ): Section => ({
      name,
      title,
      columns: [
        { key: 'key', header: keyHeader },
        { key: 'people', header: 'People' },
      ],
      rows: () => fromArray(cells.map((c) => ({ key: label(c.key), people: c.people }))),
      charts: cells.some((c) => typeof c.people === 'number')
        ? [
            {
              title: `People by ${keyHeader.toLowerCase()}`,
              categories: cells.map((c) => label(c.key)),
              series: [
                {
                  name: 'people',
                  values: cells.map((c) => (typeof c.people === 'number' ? c.people : null)),
                },
              ],
            },
          ]
        : [],
    });
    const programme = p.programmeId ? (await this.programmes.load(actor, p.programmeId)).programme : null;
    const sections: Section[] = [
      {
        name: 'summary',
        title: 'Summary',
        columns: [
          { key: 'metric', header: 'Metric' },
          { key: 'value', header: 'Value' },
        ],
        rows: () =>
          fromArray([
            { metric: 'placements', value: s.total.placements },
            { metric: 'people', value: s.total.people },
          ]),
      },
      breakdown(
        'by_employer',
        'People by employer',
        'Employer',
        // By name, as people look them up (the statistics order them by id).
        [...s.byEmployer].sort((a, b) =>
          (employerNames.get(a.key) ?? a.key).localeCompare(employerNames.get(b.key) ?? b.key),
        ),
        (k) => employerNames.get(k) ?? k,
      ),
      breakdown('by_sector', 'People by sector (ISIC section)', 'Sector', s.bySector),
      breakdown(
        'by_occupation_group',
        'People by occupation group (ISCO-08 major group)',
        'Occupation group',
        s.byOccupationGroup,
      ),
      breakdown('by_contract_type', 'People by contract type', 'Contract type', s.byContractType),
      breakdown(
        'by_country_of_origin',
        'People by country of origin',
        'Country of origin',
        s.byCountryOfOrigin,
      ),
      breakdown('by_status_category', 'People by status category', 'Status category', s.byStatusCategory),
      {
        name: 'retention',
        title: 'Retention at 3, 6 and 12 months',
        columns: [
          { key: 'months', header: 'Months' },
          { key: 'answered', header: 'Answered' },
          { key: 'retained', header: 'Still employed' },
          { key: 'left', header: 'Left' },
          { key: 'rate', header: 'Retention rate' },
        ],
        rows: () => fromArray(s.retention.map((r) => ({ ...r }) as Row)),
        charts: [
          {
            title: 'Retention rate (share still employed among answered check-ins)',
            categories: s.retention.map((r) => `${r.months} months`),
            series: [{ name: 'rate', values: s.retention.map((r) => r.rate) }],
          },
        ],
      },
    ];
    let totalRows: number | undefined;
    if (!s.suppressed) {
      const { sql, params } = this.rowQuery(actor, p);
      const [{ n }] = await this.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM (${sql}) q`,
        params,
      );
      totalRows = Number(n);
      sections.push({
        name: 'placements',
        title: 'Placements',
        columns: ROW_COLUMNS,
        rows: () => this.rows(sql, params),
      });
    }
    const facts: [string, Cell][] = [
      ['Scope', programme ? `Programme: ${programme.title}` : 'All placements you may see'],
      ['Placements', s.total.placements],
      ['People', s.total.people],
      [
        'Small cells',
        s.suppressed
          ? `Cells counting fewer than ${s.threshold} people read "<${s.threshold}" (and one more cell "suppressed" where the total would reveal it); no row-level data.`
          : 'Not suppressed: your own placements.',
      ],
    ];
    return { title: 'Placements report', facts, sections, totalRows };
  }

  private rowQuery(actor: Actor, p: PlacementsParameters): { sql: string; params: unknown[] } {
    const qb = this.dataSource
      .getRepository(Placement)
      .createQueryBuilder('pl')
      .select([])
      .addSelect('pl.id', 'placementId')
      .addSelect('pa.reference_code', 'participantReference')
      .addSelect('o.name', 'employer')
      .addSelect('pr.title', 'programme')
      .addSelect('pl.job_title', 'jobTitle')
      .addSelect('pl.occupation_code', 'occupationCode')
      .addSelect('pl.sector', 'sector')
      .addSelect('pl.contract_type', 'contractType')
      .addSelect('pl.hours_per_week::float8', 'hoursPerWeek')
      .addSelect(`to_char(pl.start_date, 'YYYY-MM-DD')`, 'startDate')
      .addSelect('pl.status', 'placementStatus')
      .addSelect(`to_char(pl.end_date, 'YYYY-MM-DD')`, 'endDate')
      .innerJoin('participants', 'pa', 'pa.id = pl.participant_id')
      .innerJoin('organizations', 'o', 'o.id = pl.employer_organization_id')
      .leftJoin('programmes', 'pr', 'pr.id = pl.programme_id');
    // Exact views only (see the class comment): the actor's own employers' placements.
    const employers = p.employerOrganizationId ? [p.employerOrganizationId] : this.access.orgIds(actor);
    qb.where('pl.employer_organization_id = ANY(CAST(:employers AS uuid[]))', { employers });
    if (p.programmeId) qb.andWhere('pl.programme_id = :programmeId', { programmeId: p.programmeId });
    this.access.scopePlacements(qb, actor);
    qb.orderBy('pl.start_date').addOrderBy('pl.id');
    const [sql, params] = qb.getQueryAndParameters();
    return { sql, params };
  }

  private async *rows(sql: string, params: unknown[]): AsyncIterable<Row> {
    for await (const r of cursorRows<Row>(this.dataSource, sql, params)) yield r;
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((k) => /^[0-9a-f-]{36}$/.test(k));
    if (!uuids.length) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id::text, name FROM organizations WHERE id = ANY($1::uuid[])`,
      [uuids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
