import { Actor, MembershipRole, userActor } from '@tandem/core';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { PlacementStatsQueryDto } from './dto';
import { PlacementAccessService } from './placement-access.service';
import { PlacementStatsService } from './placement-stats.service';
import { PlacementCounts, PlacementsRepository } from './placements.repository';

/**
 * The statistics as they were computed before issue 16 (one statement per breakdown, each a
 * count(DISTINCT participant_id) over placements joined to participants): the reference the one-pass
 * statement of PlacementsRepository.counts must equal, figure for figure and key for key.
 */
async function referenceCounts(
  ds: DataSource,
  scope: { programmeId: string | null; employerIds: string[] | null; ownOrgIds: string[] },
): Promise<PlacementCounts> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => (params.push(v), `$${params.length}`);
  if (scope.programmeId) where.push(`pl.programme_id = ${param(scope.programmeId)}`);
  if (scope.employerIds) where.push(`pl.employer_organization_id = ANY(${param(scope.employerIds)}::uuid[])`);
  const own = param(scope.ownOrgIds);
  const scoped = `WITH s AS (
    SELECT pl.id, pl.participant_id, pl.employer_organization_id, pl.sector, pl.occupation_code, pl.contract_type,
           pa.country_of_origin, pa.status_category,
           (pl.employer_organization_id = ANY(${own}::uuid[]) OR pa.registered_by_organization_id = ANY(${own}::uuid[])) AS own
      FROM placements pl JOIN participants pa ON pa.id = pl.participant_id
     WHERE ${where.join(' AND ') || 'true'})`;
  const breakdownSql = {
    bySector: 's.sector',
    byOccupationGroup: 'left(s.occupation_code, 1)',
    byContractType: 's.contract_type',
    byCountryOfOrigin: "COALESCE(s.country_of_origin, 'unknown')",
    byEmployer: 's.employer_organization_id::text',
    byStatusCategory: "COALESCE(s.status_category, 'unknown')",
  };
  return ds.transaction('REPEATABLE READ', async (em) => {
    const [total] = await em.query<PlacementCounts['total'][]>(
      `${scoped} SELECT count(*)::int AS placements, count(DISTINCT s.participant_id)::int AS people,
                    count(*) FILTER (WHERE s.own)::int AS "ownPlacements",
                    count(DISTINCT s.participant_id) FILTER (WHERE s.own)::int AS "ownPeople" FROM s`,
      params,
    );
    const breakdowns = {} as PlacementCounts['breakdowns'];
    for (const [name, expr] of Object.entries(breakdownSql))
      breakdowns[name as keyof typeof breakdownSql] = await em.query(
        `${scoped} SELECT ${expr} AS key, count(DISTINCT s.participant_id)::int AS people,
                      count(DISTINCT s.participant_id) FILTER (WHERE s.own)::int AS own
                 FROM s GROUP BY 1 ORDER BY 1`,
        params,
      );
    const retention = await em.query<PlacementCounts['retention']>(
      `${scoped} SELECT rc.months::int AS months, count(*)::int AS answered,
                    count(*) FILTER (WHERE rc.still_employed)::int AS retained,
                    count(*) FILTER (WHERE s.own)::int AS "ownAnswered",
                    count(*) FILTER (WHERE s.own AND rc.still_employed)::int AS "ownRetained"
               FROM retention_checks rc JOIN s ON s.id = rc.placement_id
              WHERE rc.status = 'answered' GROUP BY rc.months`,
      params,
    );
    return { total, breakdowns, retention };
  });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('PlacementsRepository.counts: one pass, the same figures as one statement per breakdown (PostgreSQL)', () => {
  let ds: DataSource;
  let repo: PlacementsRepository;
  let stats: PlacementStatsService;
  const employers: string[] = [];
  const programmes: string[] = [];
  let ngo: string;
  let manager: Actor;

  beforeAll(async () => {
    ds = await openTestDataSource();
    const access = new PlacementAccessService();
    repo = new PlacementsRepository(ds, access);
    stats = new PlacementStatsService(repo, access, new ProgrammeAccessService(new ProgrammesRepository(ds)));
    const rows = new Rows(ds.manager);
    ngo = await rows.organization('NGO');
    for (let i = 0; i < 4; i++) employers.push(await rows.organization(`Employer ${i}`, 'employer'));
    for (let i = 0; i < 2; i++) programmes.push(await rows.programme(`Programme ${i}`, ngo));
    const managerId = await rows.user('Manager');
    manager = userActor({
      userId: managerId,
      email: 'm@x.test',
      // A manager of the programmes (through the lead NGO) who is also employer 0 and registered some people.
      memberships: [
        { organizationId: ngo, role: MembershipRole.OrgAdmin },
        { organizationId: employers[0], role: MembershipRole.Member },
      ],
    });
    const rnd = random(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const countries = ['SY', 'ER', 'UA', 'AF', null] as const;
    const statuses = ['refugee_or_asylum', 'labour', 'student', null] as const;
    const sectors = ['A', 'C', 'F', 'I', 'Q'] as const;
    const contracts = ['permanent', 'fixed_term', 'seasonal'] as const;
    // 140 people: most with one placement, some with several (same or other keys, employers,
    // programmes), registered by the NGO or by an employer; small groups so that cells get suppressed.
    for (let p = 0; p < 140; p++) {
      const participant = randomUUID();
      await ds.query(
        `INSERT INTO participants (id, reference_code, registered_by_organization_id, country_of_origin, status_category)
         VALUES ($1, $2, $3, $4, $5)`,
        [participant, `R${p}`, rnd() < 0.7 ? ngo : pick(employers), pick(countries), pick(statuses)],
      );
      const placements = rnd() < 0.7 ? 1 : 2 + Math.floor(rnd() * 3);
      const base = { sector: pick(sectors), occupation: `${1 + Math.floor(rnd() * 3)}41${p % 10}` };
      for (let k = 0; k < placements; k++) {
        const same = rnd() < 0.5; // a repeat placement with the same keys as the first
        const id = randomUUID();
        await ds.query(
          `INSERT INTO placements (id, participant_id, employer_organization_id, programme_id, job_title, occupation_code,
                                   sector, start_date, contract_type, hours_per_week)
           VALUES ($1, $2, $3, $4, 'Helper', $5, $6, '2026-03-01', $7, 30)`,
          [
            id,
            participant,
            p < 8 ? employers[3] : pick(employers),
            rnd() < 0.8 ? pick(programmes) : null,
            same ? base.occupation : `${1 + Math.floor(rnd() * 9)}100`,
            same ? base.sector : pick(sectors),
            pick(contracts),
          ],
        );
        for (const months of [3, 6, 12])
          if (rnd() < 0.4)
            await ds.query(
              `INSERT INTO retention_checks (placement_id, months, due_on, status, answered_at, still_employed)
               VALUES ($1, $2, '2026-06-01', 'answered', now(), $3)`,
              [id, months, rnd() < 0.7],
            );
      }
    }
  });

  afterAll(() => ds?.destroy());

  it('gives exactly the reference figures for every scope and asker', async () => {
    const askers = [[], [employers[0]], [ngo], [ngo, employers[0]], [employers[1], employers[2]], employers];
    const scopes: { programmeId: string | null; employerIds: string[] | null }[] = [
      { programmeId: null, employerIds: null },
      ...programmes.map((programmeId) => ({ programmeId, employerIds: null })),
      ...[[employers[0]], [employers[3]], [employers[1], employers[2]], employers].flatMap((employerIds) => [
        { programmeId: null, employerIds },
        ...programmes.map((programmeId) => ({ programmeId, employerIds })),
      ]),
      { programmeId: null, employerIds: [randomUUID()] },
    ];
    let nonEmpty = 0;
    for (const scope of scopes)
      for (const ownOrgIds of askers) {
        const expected = await referenceCounts(ds, { ...scope, ownOrgIds });
        const actual = await repo.counts({ ...scope, ownOrgIds });
        const sort = (c: PlacementCounts) => ({
          ...c,
          retention: [...c.retention].sort((a, b) => a.months - b.months),
        });
        expect(sort(actual)).toEqual(sort(expected));
        if (expected.total.placements > expected.total.people) nonEmpty++;
      }
    // The fixture exercises people with several placements in the scope, not only one each.
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('suppresses the same cells in a programme view and gives an employer its exact view', async () => {
    const query = (q: Partial<PlacementStatsQueryDto>) => Object.assign(new PlacementStatsQueryDto(), q);
    const view = await stats.stats(manager, query({ programmeId: programmes[0] }));
    expect(view.suppressed).toBe(true);
    const counts = await referenceCounts(ds, {
      programmeId: programmes[0],
      employerIds: null,
      ownOrgIds: [ngo, employers[0]],
    });
    const { suppressBreakdown } = await import('./suppression');
    expect(view.bySector).toEqual(suppressBreakdown(counts.breakdowns.bySector));
    expect(view.byCountryOfOrigin).toEqual(suppressBreakdown(counts.breakdowns.byCountryOfOrigin));
    expect(view.byEmployer).toEqual(suppressBreakdown(counts.breakdowns.byEmployer));
    expect(JSON.stringify(view)).toContain('<5');
    const own = await stats.stats(manager, query({ employerOrganizationId: employers[0] }));
    expect(own.suppressed).toBe(false);
    const exact = await referenceCounts(ds, {
      programmeId: null,
      employerIds: [employers[0]],
      ownOrgIds: [ngo, employers[0]],
    });
    expect(own.total).toEqual({ placements: exact.total.placements, people: exact.total.people });
    expect(own.byContractType).toEqual(
      exact.breakdowns.byContractType.map(({ key, people }) => ({ key, people })),
    );
    expect(own.byStatusCategory).toEqual(
      exact.breakdowns.byStatusCategory.map(({ key, people }) => ({ key, people })),
    );
  });
});
