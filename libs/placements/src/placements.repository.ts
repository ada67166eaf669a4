import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@tandem/core';
import { cursorRows, Page, paginateByCreation } from '@tandem/core';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { ListPlacementsDto } from './dto';
import { CHECK_IN_MONTHS, Placement } from './entities';
import { PlacementAccessService } from './placement-access.service';

/** The breakdowns of placement statistics: name → the SQL expression of its key, over the
 * placement (`pl`) or its participant (`pa`) (see `counts`). */
export const PLACEMENT_BREAKDOWNS = {
  bySector: 'pl.sector',
  byOccupationGroup: 'left(pl.occupation_code, 1)',
  byContractType: 'pl.contract_type',
  // Erased participants still count, under "unknown".
  byCountryOfOrigin: "COALESCE(pa.country_of_origin, 'unknown')",
  byEmployer: 'pl.employer_organization_id::text',
  byStatusCategory: "COALESCE(pa.status_category, 'unknown')",
} as const;

type BreakdownName = keyof typeof PLACEMENT_BREAKDOWNS;
const BREAKDOWN_NAMES = Object.keys(PLACEMENT_BREAKDOWNS) as BreakdownName[];
/** The breakdowns over the participant's columns: one key per person, whatever their placements. */
const PARTICIPANT_BREAKDOWNS: readonly BreakdownName[] = ['byCountryOfOrigin', 'byStatusCategory'];
/** The breakdowns over the placement's columns: a person with several placements may have several keys. */
const PER_PLACEMENT_BREAKDOWNS = BREAKDOWN_NAMES.filter((n) => !PARTICIPANT_BREAKDOWNS.includes(n));
/**
 * work_mem and effective_cache_size of the statistics' transaction (SET LOCAL). work_mem: enough
 * for the one-row-per-person aggregate of a million placements to sort (or hash) in memory.
 * effective_cache_size: by default the planner takes the whole table for cached and walks the
 * participant_id index to get the placements in order, a million random heap reads (9.6 s against
 * a 0.9 s sequential scan and a 2.4 s in-memory sort, measured); small scopes still use indexes.
 */
const STATISTICS_WORK_MEM = '128MB';

/** One placement as the placements report lists it (ids where other libraries own the names). */
export interface PlacementReportRow {
  placementId: string;
  participantReference: string;
  employerId: string;
  programmeId: string | null;
  jobTitle: string;
  occupationCode: string;
  sector: string;
  contractType: string;
  hoursPerWeek: number;
  startDate: string;
  placementStatus: string;
  endDate: string | null;
}

export interface PlacementCounts {
  /** `own…`: the part of each count the asker may see row by row anyway (their own placements and
   * the participants their organisations registered); suppression uses it against differencing. */
  total: { placements: number; people: number; ownPlacements: number; ownPeople: number };
  breakdowns: Record<keyof typeof PLACEMENT_BREAKDOWNS, { key: string; people: number; own: number }[]>;
  retention: {
    months: number;
    answered: number;
    retained: number;
    ownAnswered: number;
    ownRetained: number;
  }[];
}

/**
 * Queries over placements. Reads for a person take the actor, whose scope is part of the query
 * (PlacementAccessService.scopePlacements), so an unscoped read cannot be written by accident.
 */
@Injectable()
export class PlacementsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlacementAccessService,
  ) {}

  insert(em: EntityManager, values: DeepPartial<Placement>): Promise<Placement> {
    return em.save(Placement, em.create(Placement, values));
  }

  /** Many at once (CSV import); the new ids in the order given. */
  async insertMany(em: EntityManager, values: QueryDeepPartialEntity<Placement>[]): Promise<string[]> {
    const inserted = await em.insert(Placement, values);
    return inserted.identifiers.map((x) => (x as { id: string }).id);
  }

  /**
   * An import's placements and their 3/6/12-month check-ins (dates in rows, for the sweep) in ONE
   * statement per slice of rows, from column arrays: no per-row statement, no job per check-in.
   * `start_date + n months` clamps to the month's end as `addMonths` does (31 Jan + 1 month = 28 Feb).
   */
  async insertImported(
    em: EntityManager,
    common: { employerOrganizationId: string; importId: string; createdByUserId: string },
    rows: {
      participantId: string;
      programmeId: string | null;
      jobTitle: string;
      occupationCode: string;
      sector: string;
      startDate: string;
      contractType: string;
      hoursPerWeek: number;
    }[],
  ): Promise<void> {
    const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await em.query(
      `WITH placed AS (
         INSERT INTO placements (participant_id, employer_organization_id, programme_id, job_title, occupation_code,
                                 sector, start_date, contract_type, hours_per_week, status, import_id, created_by_user_id)
         SELECT r.participant_id, $1, r.programme_id, r.job_title, r.occupation_code, r.sector, r.start_date,
                r.contract_type, r.hours_per_week, 'active', $2, $3
           FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], $11::numeric[])
                AS r(participant_id, programme_id, job_title, occupation_code, sector, start_date, contract_type, hours_per_week)
         RETURNING id, start_date
       )
       INSERT INTO retention_checks (placement_id, months, due_on, status)
       SELECT placed.id, m.months, (placed.start_date + make_interval(months => m.months))::date, 'scheduled'
         FROM placed CROSS JOIN unnest($12::smallint[]) AS m(months)`,
      [
        common.employerOrganizationId,
        common.importId,
        common.createdByUserId,
        column('participantId'),
        column('programmeId'),
        column('jobTitle'),
        column('occupationCode'),
        column('sector'),
        column('startDate'),
        column('contractType'),
        column('hoursPerWeek'),
        [...CHECK_IN_MONTHS],
      ],
    );
  }

  /**
   * Whether another placement of this participant at this employer starts on `startDate` (the
   * import's "already logged" rule). Takes a transaction-scoped advisory lock on the participant and
   * employer first, so two edits moving placements of one person onto the same day run one after
   * the other and the second sees the first.
   */
  async otherStartsOn(em: EntityManager, placement: Placement, startDate: string): Promise<boolean> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `tandem:placement-start:${placement.participantId}:${placement.employerOrganizationId}`,
    ]);
    const [row] = await em.query<{ taken: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM placements
                       WHERE participant_id = $1 AND employer_organization_id = $2 AND start_date = $3
                         AND id <> $4) AS taken`,
      [placement.participantId, placement.employerOrganizationId, startDate, placement.id],
    );
    return row.taken;
  }

  async save(em: EntityManager, placement: Placement): Promise<void> {
    await em.save(Placement, placement);
  }

  listVisible(actor: Actor, filter: ListPlacementsDto): Promise<Page<Placement>> {
    const qb = this.access.scopePlacements(
      this.dataSource
        .getRepository(Placement)
        .createQueryBuilder('pl')
        .leftJoinAndSelect('pl.participant', 'pa'),
      actor,
      'pl',
    );
    if (filter.programmeId)
      qb.andWhere('pl.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.employerOrganizationId)
      qb.andWhere('pl.employer_organization_id = :employer', { employer: filter.employerOrganizationId });
    if (filter.status) qb.andWhere('pl.status = :status', { status: filter.status });
    if (filter.sector) qb.andWhere('pl.sector = :sector', { sector: filter.sector });
    if (filter.startFrom) qb.andWhere('pl.start_date >= :startFrom', { startFrom: filter.startFrom });
    if (filter.startTo) qb.andWhere('pl.start_date <= :startTo', { startTo: filter.startTo });
    return paginateByCreation(qb, 'pl', filter, 'DESC');
  }

  /**
   * Visible to the actor, or null (missing and not yours look the same). `lock` takes FOR UPDATE:
   * callers lock the placement before its check-ins, so ending and answering never deadlock.
   */
  findVisible(
    actor: Actor,
    id: string,
    em: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Placement | null> {
    const qb = this.access.scopePlacements(
      em.getRepository(Placement).createQueryBuilder('pl').where('pl.id = :id', { id }),
      actor,
      'pl',
    );
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Exact counts (the caller suppresses small cells) over the placements of a programme and/or of
   * some employers; `employerIds: null` means every employer (the caller has decided who may see
   * that). One REPEATABLE READ snapshot, so the total, the breakdowns and the rates agree.
   *
   * The total and every breakdown come from one statement over one pass of the placements: they
   * are first reduced to one row per person (GROUP BY participant_id: their number of placements,
   * the own ones, min() of each placement column), joined to participants once, then counted in
   * GROUPING SETS (a few dozen groups). A person's participant columns (country of origin, status
   * category) are one key whatever their placements; the placement columns are one key only for a
   * person with one placement in the scope. The people with several (usually none or few) come
   * back from the same statement as an array; only when there are some, a second statement counts
   * their placements row by row with count(DISTINCT …) and adds them. So each person counts once
   * per key, as count(DISTINCT participant_id) per key over the joined rows did before (one
   * statement per breakdown, each sorting the scope's participant ids, on disk at a million);
   * placement-counts.int-spec.ts compares both, figure for figure.
   */
  counts(scope: {
    programmeId: string | null;
    employerIds: string[] | null;
    /** The asker's organisations: what they placed or registered counts as their own. */
    ownOrgIds: string[];
  }): Promise<PlacementCounts> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => (params.push(v), `$${params.length}`);
    if (scope.programmeId) where.push(`pl.programme_id = ${param(scope.programmeId)}`);
    if (scope.employerIds)
      where.push(`pl.employer_organization_id = ANY(${param(scope.employerIds)}::uuid[])`);
    const inScope = where.join(' AND ') || 'true';
    // Every row is the asker's own when the scope is their own employers (an employer's exact
    // view): then "own" needs neither the employer nor the participant.
    const allOwn = !!scope.employerIds && scope.employerIds.every((e) => scope.ownOrgIds.includes(e));
    let ownPlacement = 'true'; // placed by one of the asker's organisations
    let ownParticipant = 'false'; // registered by one of them (then each of their placements is own)
    if (!allOwn) {
      const own = param(scope.ownOrgIds);
      ownPlacement = `pl.employer_organization_id = ANY(${own}::uuid[])`;
      ownParticipant = `pa.registered_by_organization_id = ANY(${own}::uuid[])`;
    }
    const key = (n: BreakdownName) => `${PLACEMENT_BREAKDOWNS[n]} AS "${n}"`;
    const perPlacement = PER_PLACEMENT_BREAKDOWNS.map((n) => `'${n}'`).join(', ');
    const nameOf = (from: string, names: readonly BreakdownName[]) =>
      `CASE ${names.map((n) => `WHEN GROUPING(${from}."${n}") = 0 THEN '${n}'`).join(' ')} ELSE 'total' END`;
    const keyOf = (from: string, names: readonly BreakdownName[]) =>
      `COALESCE(${names.map((n) => `${from}."${n}"::text`).join(', ')})`;
    const sets = (from: string, names: readonly BreakdownName[]) =>
      names.map((n) => `(${from}."${n}")`).join(', ');
    type Cell = { name: BreakdownName | 'total'; key: string; people: number; own: number };
    const perPerson = `WITH p AS (
      SELECT pl.participant_id, count(*) AS n, count(*) FILTER (WHERE ${ownPlacement}) AS n_own,
             ${PER_PLACEMENT_BREAKDOWNS.map((n) => `min(${PLACEMENT_BREAKDOWNS[n]}) AS "${n}"`).join(', ')}
        FROM placements pl WHERE ${inScope} GROUP BY pl.participant_id),
    q AS (
      SELECT p.*, ${PARTICIPANT_BREAKDOWNS.map(key).join(', ')},
             CASE WHEN ${ownParticipant} THEN p.n ELSE p.n_own END AS own_n
        FROM p JOIN participants pa ON pa.id = p.participant_id),
    one AS (
      SELECT ${nameOf('q', BREAKDOWN_NAMES)} AS name, ${keyOf('q', BREAKDOWN_NAMES)} AS key,
             count(*) AS people, count(*) FILTER (WHERE q.own_n > 0) AS own,
             count(*) FILTER (WHERE q.n = 1) AS people1, count(*) FILTER (WHERE q.n = 1 AND q.own_n > 0) AS own1,
             sum(q.n) AS placements, sum(q.own_n) AS own_placements,
             array_agg(q.participant_id) FILTER (WHERE q.n > 1) AS several
        FROM q GROUP BY GROUPING SETS ((), ${sets('q', BREAKDOWN_NAMES)}))
    SELECT name, key,
           (CASE WHEN name IN (${perPlacement}) THEN people1 ELSE people END)::int AS people,
           (CASE WHEN name IN (${perPlacement}) THEN own1 ELSE own END)::int AS own,
           COALESCE(placements, 0)::int AS placements, COALESCE(own_placements, 0)::int AS "ownPlacements",
           CASE WHEN name = 'total' THEN several END AS several
      FROM one ORDER BY name, key`;
    // The people with several placements in the scope: their placement keys row by row, added to
    // the cells above (given as JSON), in the same order.
    const several = (people: number, cells: number) => `WITH m AS (
      SELECT pl.participant_id, ${PER_PLACEMENT_BREAKDOWNS.map(key).join(', ')},
             (${ownPlacement} OR ${ownParticipant}) AS own
        FROM placements pl JOIN participants pa ON pa.id = pl.participant_id
       WHERE ${inScope} AND pl.participant_id = ANY($${people}::uuid[])),
    several AS (
      SELECT ${nameOf('m', PER_PLACEMENT_BREAKDOWNS)} AS name, ${keyOf('m', PER_PLACEMENT_BREAKDOWNS)} AS key,
             count(DISTINCT m.participant_id) AS people,
             count(DISTINCT m.participant_id) FILTER (WHERE m.own) AS own
        FROM m GROUP BY GROUPING SETS (${sets('m', PER_PLACEMENT_BREAKDOWNS)}))
    SELECT c.name, c.key, sum(c.people)::int AS people, sum(c.own)::int AS own
      FROM (SELECT name, key, people, own FROM jsonb_to_recordset($${cells}::jsonb) AS a(name text, key text, people int, own int)
            UNION ALL SELECT name, key, people, own FROM several) c
     GROUP BY c.name, c.key
     ORDER BY c.name, c.key`;
    const scoped = `WITH s AS (
      SELECT pl.id, ${allOwn ? 'true' : `(${ownPlacement} OR ${ownParticipant})`} AS own
        FROM placements pl ${allOwn ? '' : 'JOIN participants pa ON pa.id = pl.participant_id'}
       WHERE ${inScope})`;
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query(
        `SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'; SET LOCAL effective_cache_size = '${STATISTICS_WORK_MEM}'`,
      );
      const rows = await em.query<
        (Cell & { placements: number; ownPlacements: number; several: string[] | null })[]
      >(perPerson, params);
      const totalRow = rows.find((c) => c.name === 'total');
      const total = {
        placements: totalRow?.placements ?? 0,
        people: totalRow?.people ?? 0,
        ownPlacements: totalRow?.ownPlacements ?? 0,
        ownPeople: totalRow?.own ?? 0,
      };
      let cells: Cell[] = rows.filter((c) => c.name !== 'total');
      const people = totalRow?.several ?? [];
      if (people.length)
        cells = await em.query<Cell[]>(several(params.length + 1, params.length + 2), [
          ...params,
          people,
          JSON.stringify(cells.map(({ name, key, people, own }) => ({ name, key, people, own }))),
        ]);
      const breakdowns = Object.fromEntries(
        BREAKDOWN_NAMES.map((n) => [
          n,
          cells.filter((c) => c.name === n).map(({ key, people, own }) => ({ key, people, own })),
        ]),
      ) as PlacementCounts['breakdowns'];
      const retention = await em.query<PlacementCounts['retention']>(
        `${scoped} SELECT rc.months::int AS months,
                      count(*)::int AS answered,
                      count(*) FILTER (WHERE rc.still_employed)::int AS retained,
                      count(*) FILTER (WHERE s.own)::int AS "ownAnswered",
                      count(*) FILTER (WHERE s.own AND rc.still_employed)::int AS "ownRetained"
                 FROM retention_checks rc JOIN s ON s.id = rc.placement_id
                WHERE rc.status = 'answered'
                GROUP BY rc.months`,
        params,
      );
      return { total, breakdowns, retention };
    });
  }

  /**
   * The placements report's rows (exact views only: the placements of the given employers, within
   * the actor's scope), by start date, streamed from a cursor; with their number and the programmes
   * they name, so the report can put names to the ids without reading other libraries' tables here.
   */
  async reportRows(
    actor: Actor,
    scope: { employerIds: string[]; programmeId?: string },
  ): Promise<{
    total: number;
    programmeIds: string[];
    rows: () => AsyncIterable<PlacementReportRow>;
    /**
     * The same rows for COPY … TO STDOUT: the query WITHOUT its order (columns named as
     * PlacementReportRow's fields, plus the start date itself as "startDateKey") and the order as
     * columns of it. Unordered, the query is folded into the one that writes the cells, so PostgreSQL
     * computes them below the sort, in its parallel workers, as it computes the bare query's.
     */
    query: { sql: string; params: unknown[]; orderBy: string[] };
  }> {
    const qb = this.dataSource
      .getRepository(Placement)
      .createQueryBuilder('pl')
      .select([])
      .addSelect('pl.id', 'placementId')
      .addSelect('pa.reference_code', 'participantReference')
      .addSelect('pl.employer_organization_id', 'employerId')
      .addSelect('pl.programme_id', 'programmeId')
      .addSelect('pl.job_title', 'jobTitle')
      .addSelect('pl.occupation_code', 'occupationCode')
      .addSelect('pl.sector', 'sector')
      .addSelect('pl.contract_type', 'contractType')
      .addSelect('pl.hours_per_week::float8', 'hoursPerWeek')
      .addSelect(`to_char(pl.start_date, 'YYYY-MM-DD')`, 'startDate')
      .addSelect('pl.status', 'placementStatus')
      .addSelect(`to_char(pl.end_date, 'YYYY-MM-DD')`, 'endDate')
      .innerJoin('participants', 'pa', 'pa.id = pl.participant_id')
      .where('pl.employer_organization_id = ANY(CAST(:employers AS uuid[]))', {
        employers: scope.employerIds,
      });
    if (scope.programmeId) qb.andWhere('pl.programme_id = :programmeId', { programmeId: scope.programmeId });
    // The actor's own employers' placements are all readable (the scope's first branch): the scope
    // would add nothing but a correlated EXISTS the planner prices per row (it then plans no
    // parallel scan). Any other employer keeps it.
    const own = this.access.orgIds(actor);
    const onlyOwn = scope.employerIds.every((e) => own.includes(e));
    if (!onlyOwn) this.access.scopePlacements(qb, actor);
    const unordered = qb.clone().addSelect('pl.start_date', 'startDateKey');
    const [copySql, copyParams] = unordered.getQueryAndParameters();
    qb.orderBy('pl.start_date').addOrderBy('pl.id');
    const [sql, params] = qb.getQueryAndParameters();
    // The total and the programmes named need neither the order (a million-row sort) nor the
    // participants (every placement has one: participant_id is NOT NULL, foreign key RESTRICT);
    // counted per programme (a hash of a few hundred groups, not a sort of a million ids).
    const perProgramme = this.dataSource
      .getRepository(Placement)
      .createQueryBuilder('pl')
      .select('pl.programme_id', 'programme_id')
      .addSelect('count(*)', 'n')
      .where('pl.employer_organization_id = ANY(CAST(:employers AS uuid[]))', {
        employers: scope.employerIds,
      });
    if (scope.programmeId)
      perProgramme.andWhere('pl.programme_id = :programmeId', { programmeId: scope.programmeId });
    if (!onlyOwn) this.access.scopePlacements(perProgramme, actor);
    perProgramme.groupBy('pl.programme_id');
    const groups = await perProgramme.getRawMany<{ programme_id: string | null; n: string }>();
    const n = groups.reduce((sum, g) => sum + Number(g.n), 0);
    const programmeIds = groups.flatMap((g) => (g.programme_id ? [g.programme_id] : []));
    return {
      total: n,
      programmeIds,
      rows: () => cursorRows<PlacementReportRow>(this.dataSource, sql, params),
      query: { sql: copySql, params: copyParams, orderBy: ['"startDateKey"', '"placementId"'] },
    };
  }
}
