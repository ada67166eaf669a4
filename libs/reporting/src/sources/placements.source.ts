import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, CoreError, Actor } from '@tandem/core';
import {
  BreakdownCell,
  PlacementAccessService,
  PlacementReportRow,
  PlacementsRepository,
  PlacementStatsService,
  PlacementStats,
} from '@tandem/placements';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { columns, Cell, ContentOptions, fromArray, ReportContent, Row, Section } from '../report-content';
import {
  CopyCell,
  copyCsvInto,
  CopySpool,
  copyStatement,
  guardedName,
  spoolCopy,
  spoolDir,
  sqlLiteral,
} from '../writers/copy-csv';
import { csvColumns } from '../writers/csv.writer';

export interface PlacementsParameters {
  programmeId?: string;
  employerOrganizationId?: string;
}

const ROW_COLUMNS = columns({
  placementId: 'Placement',
  participantReference: 'Participant reference',
  employer: 'Employer',
  programme: 'Programme',
  jobTitle: 'Job title',
  occupationCode: 'ISCO-08',
  sector: 'ISIC section',
  contractType: 'Contract type',
  hoursPerWeek: 'Hours per week',
  startDate: 'Start date',
  placementStatus: 'Status',
  endDate: 'End date',
});
const SUMMARY_COLUMNS = columns({ metric: 'Metric', value: 'Value' });
const breakdownColumns = (keyHeader: string) => columns({ key: keyHeader, people: 'People' });
const RETENTION_COLUMNS = columns({
  months: 'Months',
  answered: 'Answered',
  retained: 'Still employed',
  left: 'Left',
  rate: 'Retention rate',
});
/** The CSV's columns (keys) with the row section, as writeCsv unites the sections' columns below. */
const CSV_KEYS = csvColumns([
  { columns: SUMMARY_COLUMNS },
  { columns: breakdownColumns('') },
  { columns: RETENTION_COLUMNS },
  { columns: ROW_COLUMNS },
]).map((c) => c.key);

/**
 * The placements row section's cells in SQL (as `rows` below builds them). The names come from
 * JSON literals, guarded beforehand (each name once, not each row); the id and the dates can
 * never be empty nor start with a formula character, so they go out as PostgreSQL prints them.
 */
function copyCells(
  employers: Map<string, string>,
  programmes: Map<string, string>,
): Record<string, CopyCell> {
  const names = (m: Map<string, string>) =>
    `${sqlLiteral(JSON.stringify(Object.fromEntries([...m].map(([id, name]) => [id, guardedName(name)]))))}::jsonb`;
  const text = (sql: string): CopyCell => ({ sql, text: true });
  const asIs = (sql: string): CopyCell => ({ sql, text: false });
  return {
    placementId: asIs('q."placementId"'),
    participantReference: text('q."participantReference"'),
    employer: asIs(`${names(employers)} ->> q."employerId"::text`),
    programme: asIs(`${names(programmes)} ->> q."programmeId"::text`),
    jobTitle: text('q."jobTitle"'),
    occupationCode: text('q."occupationCode"'),
    sector: text('q."sector"'),
    contractType: text('q."contractType"'),
    hoursPerWeek: asIs('q."hoursPerWeek"'),
    startDate: asIs('q."startDate"'),
    placementStatus: text('q."placementStatus"'),
    endDate: asIs('q."endDate"'),
  };
}

interface RowSection {
  section: Section;
  total: number;
  dispose?: () => Promise<void>;
}

/**
 * placements: the placement statistics (PlacementStatsService: the same scoping and the same
 * small-cell suppression as GET /placements/stats) plus, when the view is exact (an employer's own
 * placements), every placement as a row, streamed from a cursor. A suppressed view (a programme's
 * managers or platform admins across its employers) has no row-level section: rows would give back
 * the small cells the suppression hides.
 */
@Injectable()
export class PlacementsSource {
  constructor(
    private readonly stats: PlacementStatsService,
    private readonly placements: PlacementsRepository,
    private readonly access: PlacementAccessService,
    private readonly programmes: ProgrammeAccessService,
    private readonly programmeRows: ProgrammesRepository,
    private readonly organizations: OrganizationsRepository,
    // The CSV's row section is written by PostgreSQL (COPY) on a connection of its own.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The cheap part of the stats' scoping rules, at request time: 404 for what the actor cannot see. */
  async check(actor: Actor, p: PlacementsParameters): Promise<void> {
    const requested = p.employerOrganizationId;
    const mine = requested ? this.access.isMemberOf(actor, requested) : false;
    if (p.programmeId) {
      const a = await this.programmes.load(actor, p.programmeId);
      if (requested && !mine) {
        if (a.isManager || a.isPlatformAdmin)
          throw CoreError.invalid(
            'employerOrganizationId',
            'narrows a suppressed view: statistics across other organisations are offered per whole programme only',
          );
        throw CoreError.notFound('Employer');
      }
    } else if (requested && !mine) {
      throw CoreError.notFound('Employer');
    }
  }

  /**
   * For a CSV of an exact view, the row section's COPY starts as soon as its names are known, on a
   * connection of its own, into a temporary file (spoolCopy) while the statistics run (started
   * first); writeCsv appends it after the aggregate sections. The same statements as written one
   * after the other (each its own snapshot, as before: the statistics' REPEATABLE READ transaction
   * never covered the rows), the same bytes.
   */
  async content(actor: Actor, p: PlacementsParameters, options: ContentOptions = {}): Promise<ReportContent> {
    const view = await this.stats.view(actor, p);
    // The statistics start at once (their own connection and transaction), the rows' count and the
    // names the COPY needs meanwhile: the statistics are what the file waits for.
    const stats = this.stats.stats(actor, p, view);
    stats.catch(() => undefined); // awaited by build, unless the row section fails first
    const ahead = options.csv && !view.suppressed ? await this.rowSection(actor, p, true) : null;
    try {
      return { ...(await this.build(actor, p, stats, ahead)), dispose: ahead?.dispose };
    } catch (err) {
      await ahead?.dispose?.();
      throw err;
    }
  }

  private async build(
    actor: Actor,
    p: PlacementsParameters,
    stats: Promise<PlacementStats>,
    ahead: RowSection | null,
  ): Promise<ReportContent> {
    const s = await stats;
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
      columns: breakdownColumns(keyHeader),
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
        columns: SUMMARY_COLUMNS,
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
        columns: RETENTION_COLUMNS,
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
      // Exact views only (see the class comment): the actor's own employers' placements.
      const rows = ahead ?? (await this.rowSection(actor, p, false));
      totalRows = rows.total;
      sections.push(rows.section);
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

  /**
   * The placements row section of an exact view (the actor's own employers, or the one asked for).
   * `ahead`: its CSV records are COPYed at once into a temporary file (dispose removes it); writeCsv
   * appends the file if it asks for the same columns, else (never, as built above) COPYs again.
   */
  private async rowSection(actor: Actor, p: PlacementsParameters, ahead: boolean): Promise<RowSection> {
    const employerIds = p.employerOrganizationId ? [p.employerOrganizationId] : this.access.orgIds(actor);
    // The employers' names need not wait for the rows' count (the COPY waits for both).
    const [found, employers] = await Promise.all([
      this.placements.reportRows(actor, { employerIds, programmeId: p.programmeId }),
      this.names(employerIds),
    ]);
    const programmes = await this.programmeRows.titles(found.programmeIds);
    const statement = (keys: string[]) =>
      copyStatement('placements', keys, { ...found.query, cells: copyCells(employers, programmes) });
    const spool: CopySpool | null = ahead
      ? spoolCopy(this.dataSource, statement(CSV_KEYS), spoolDir(this.config))
      : null;
    return {
      total: found.total,
      dispose: spool ? () => spool.dispose() : undefined,
      section: {
        name: 'placements',
        title: 'Placements',
        columns: ROW_COLUMNS,
        rows: () => this.rows(found.rows(), employers, programmes),
        csv: {
          copyInto: async (keys, out, onRecords) => {
            if (spool && keys.join() === CSV_KEYS.join()) return spool.appendTo(out, onRecords);
            await spool?.dispose();
            return copyCsvInto(this.dataSource, statement(keys), out, onRecords);
          },
        },
      },
    };
  }

  /** Each row with the employer's and the programme's names, in the columns' order. */
  private async *rows(
    found: AsyncIterable<PlacementReportRow>,
    employers: Map<string, string>,
    programmes: Map<string, string>,
  ): AsyncIterable<Row> {
    for await (const { employerId, programmeId, ...r } of found)
      yield {
        placementId: r.placementId,
        participantReference: r.participantReference,
        employer: employers.get(employerId) ?? null,
        programme: programmeId ? (programmes.get(programmeId) ?? null) : null,
        jobTitle: r.jobTitle,
        occupationCode: r.occupationCode,
        sector: r.sector,
        contractType: r.contractType,
        hoursPerWeek: r.hoursPerWeek,
        startDate: r.startDate,
        placementStatus: r.placementStatus,
        endDate: r.endDate,
      };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((k) => /^[0-9a-f-]{36}$/.test(k));
    if (!uuids.length) return new Map();
    return this.organizations.names(uuids);
  }
}
