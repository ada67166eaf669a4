import { Actor, MembershipRole, PlatformRole, userActor } from '@tandem/core';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { PlacementStatsQueryDto } from './dto';
import { PlacementAccessService } from './placement-access.service';
import { PlacementStatsService } from './placement-stats.service';
import { PlacementsRepository } from './placements.repository';

describe(`${PlacementStatsService.name} small-cell suppression (PostgreSQL)`, () => {
  let ds: DataSource;
  let sut: PlacementStatsService;
  let bakery: string;
  let admin: Actor;
  let baker: Actor;

  beforeAll(async () => {
    ds = await openTestDataSource();
    const programmes = new ProgrammesRepository(ds);
    const access = new PlacementAccessService();
    sut = new PlacementStatsService(
      new PlacementsRepository(ds, access),
      access,
      new ProgrammeAccessService(programmes),
    );
    const rows = new Rows(ds.manager);
    const ngo = await rows.organization('NGO');
    bakery = await rows.organization('Bakery', 'employer');
    const builder = await rows.organization('Builder', 'employer');
    // 7 people from Syria (6 at the builder, 1 at the bakery) and 2 from Eritrea (both at the bakery).
    const people = [
      ...Array.from({ length: 6 }, () => ['SY', builder, 'F']),
      ['SY', bakery, 'I'],
      ['ER', bakery, 'I'],
      ['ER', bakery, 'I'],
    ];
    for (const [country, employer, sector] of people) {
      const participant = randomUUID();
      await ds.query(
        `INSERT INTO participants (id, reference_code, registered_by_organization_id, country_of_origin)
         VALUES ($1, $2, $3, $4)`,
        [participant, participant.slice(0, 12), ngo, country],
      );
      await ds.query(
        `INSERT INTO placements (participant_id, employer_organization_id, job_title, occupation_code, sector, start_date, contract_type, hours_per_week)
         VALUES ($1, $2, 'Helper', '9412', $3, '2026-03-01', 'permanent', 30)`,
        [participant, employer, sector],
      );
    }
    admin = {
      userId: randomUUID(),
      email: 'a@x.test',
      platformRole: PlatformRole.Admin,
      sessionId: null,
      memberships: [],
    };
    baker = userActor({
      userId: randomUUID(),
      email: 'b@x.test',
      memberships: [{ organizationId: bakery, role: MembershipRole.Member }],
    });
  });

  afterAll(() => ds?.destroy());

  const query = (q: Partial<PlacementStatsQueryDto> = {}) => Object.assign(new PlacementStatsQueryDto(), q);

  it('gives a platform admin no view across employers outside a programme', async () => {
    // Changed with issue 14: suppressed views exist per whole programme only (so no two of them can
    // be subtracted); outside a programme everyone sees their own employers' figures, and an admin
    // has none. The suppression itself is covered by suppression.spec.ts and suppression.e2e-spec.ts.
    const stats = await sut.stats(admin, query());
    expect(stats.suppressed).toBe(false);
    expect(stats.total).toEqual({ placements: 0, people: 0 });
    expect(stats.byCountryOfOrigin).toEqual([]);
  });

  it('shows an employer its own placements exactly, small cells included', async () => {
    const stats = await sut.stats(baker, query());
    expect(stats.suppressed).toBe(false);
    expect(stats.employerOrganizationIds).toEqual([bakery]);
    expect(stats.total).toEqual({ placements: 3, people: 3 });
    expect(Object.fromEntries(stats.byCountryOfOrigin.map((c) => [c.key, c.people]))).toEqual({
      ER: 2,
      SY: 1,
    });
  });

  it("hides another employer's figures from an employer as not found", async () => {
    const other = { ...baker, memberships: [] };
    await expect(sut.stats(other, query({ employerOrganizationId: bakery }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
