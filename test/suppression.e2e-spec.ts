import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bearer,
  createOrganization,
  expectProblem,
  onboardUser,
  Session,
  PASSWORD,
} from './support/fixtures';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { buildReport, requestReport } from './support/reports';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const person = (country: string) => ({
  yearOfBirth: 1994,
  gender: 'male',
  countryOfOrigin: country,
  arrivalYear: 2023,
  statusCategory: 'labour',
  languages: ['ti'],
  consent: { givenAt: '2026-01-10T09:00:00Z', scope: 'placement follow-up and aggregate reporting' },
});

type Cell = { key: string; people: number | string };
const BREAKDOWNS = [
  'bySector',
  'byOccupationGroup',
  'byContractType',
  'byCountryOfOrigin',
  'byEmployer',
  'byStatusCategory',
] as const;

/**
 * A programme manager and the platform admin see placement figures only as suppressed aggregates:
 * no rows, no participant reads, no report rows, and no pair of requests whose difference gives a
 * suppressed cell back. Employer A places 6 people (sector I, from SY), employer B 4 (I, SY) and 2
 * (C, AF): sector C (2) and country AF (2) are the small cells to protect.
 */
describe('placements suppression survives rows, participant reads, reports and differencing', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let employerA: string;
  let employerB: string;
  let hrA: Session;
  let hrB: Session;
  const placementIds: string[] = [];
  const participantIds: string[] = [];

  const http = () => stack.http();
  const stats = (who: Session, query: Record<string, string> = {}) =>
    http().get('/placements/stats').set(bearer(who)).query(query);

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    s = await setupProgramme(stack, smtp, 'Suppressed');
    employerA = await createOrganization(stack, s.admin, 'employer', 'Canal Kitchens');
    employerB = await createOrganization(stack, s.admin, 'employer', 'Hill Construction');
    hrA = await onboardUser(stack, smtp, s.admin, employerA, 'hr@canal.test', 'org_admin');
    hrB = await onboardUser(stack, smtp, s.admin, employerB, 'hr@hill.test', 'org_admin');
    for (const [org, who] of [
      [employerA, hrA],
      [employerB, hrB],
    ] as const) {
      await http()
        .post(`/programmes/${s.programmeId}/partners`)
        .set(bearer(s.manager))
        .send({ organizationId: org, role: 'implementer' })
        .expect(201);
      await http().post(`/programmes/${s.programmeId}/partners/${org}/accept`).set(bearer(who)).expect(200);
    }
    const plan = [
      ...Array.from({ length: 6 }, () => ({ who: hrA, org: employerA, sector: 'I', country: 'SY' })),
      ...Array.from({ length: 4 }, () => ({ who: hrB, org: employerB, sector: 'I', country: 'SY' })),
      ...Array.from({ length: 2 }, () => ({ who: hrB, org: employerB, sector: 'C', country: 'AF' })),
    ];
    for (const p of plan) {
      const participant = await http()
        .post('/participants')
        .set(bearer(s.provider.session))
        .send({ ...person(p.country), programmeId: s.programmeId })
        .expect(201);
      participantIds.push(participant.body.id);
      const placement = await http().post('/placements').set(bearer(p.who)).send({
        participantId: participant.body.id,
        employerOrganizationId: p.org,
        programmeId: s.programmeId,
        jobTitle: 'Helper',
        occupationCode: '9412',
        sector: p.sector,
        startDate: '2026-01-05',
        contractType: 'permanent',
        hoursPerWeek: 30,
      });
      if (placement.status !== 201) throw new Error(JSON.stringify(placement.body));
      placementIds.push(placement.body.id);
    }
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  const noSmallNumber = (body: Record<string, Cell[]>) => {
    for (const b of BREAKDOWNS)
      for (const c of body[b]) if (typeof c.people === 'number') expect(c.people).toBeGreaterThanOrEqual(5);
  };

  it('the manager and the platform admin get the programme view with small cells suppressed', async () => {
    for (const who of [s.manager, s.admin]) {
      const view = (await stats(who, { programmeId: s.programmeId }).expect(200)).body;
      expect(view.suppressed).toBe(true);
      noSmallNumber(view);
      // Sector C (2) is small; I (10) would give it back from the total of 12, so it is hidden too.
      expect(view.bySector).toEqual([
        { key: 'C', people: '<5' },
        { key: 'I', people: 'suppressed' },
      ]);
      expect(view.byCountryOfOrigin).toEqual([
        { key: 'AF', people: '<5' },
        { key: 'SY', people: 'suppressed' },
      ]);
      expect(view.total).toEqual({ placements: 12, people: 12 });
    }
  });

  it('no rows: placements, participants and check-ins of other organisations are 404 or empty', async () => {
    for (const who of [s.manager, s.admin]) {
      expect(
        (await http().get('/placements').set(bearer(who)).query({ programmeId: s.programmeId, limit: 100 }))
          .body.items,
      ).toEqual([]);
      expect(
        (await http().get('/participants').set(bearer(who)).query({ programmeId: s.programmeId, limit: 100 }))
          .body.items,
      ).toEqual([]);
      expect((await http().get('/check-ins').set(bearer(who)).query({ limit: 100 })).body.items).toEqual([]);
      for (const id of placementIds.slice(-3))
        expectProblem(await http().get(`/placements/${id}`).set(bearer(who)), 404);
      for (const id of participantIds.slice(-3))
        expectProblem(await http().get(`/participants/${id}`).set(bearer(who)), 404);
    }
    // The two organisations that hold the rows still read them.
    await http().get(`/placements/${placementIds[11]}`).set(bearer(hrB)).expect(200);
    await http().get(`/participants/${participantIds[11]}`).set(bearer(hrB)).expect(200);
    await http().get(`/participants/${participantIds[11]}`).set(bearer(s.provider.session)).expect(200);
    await http().get(`/placements/${placementIds[11]}`).set(bearer(s.provider.session)).expect(200);
    expectProblem(await http().get(`/placements/${placementIds[11]}`).set(bearer(hrA)), 404);
  });

  it('differencing: narrower views of other organisations are refused, so no two views subtract', async () => {
    for (const who of [s.manager, s.admin]) {
      for (const employer of [employerA, employerB]) {
        const narrowed = await stats(who, { programmeId: s.programmeId, employerOrganizationId: employer });
        expectProblem(narrowed, 400);
        expect(narrowed.body.errors[0].field).toBe('employerOrganizationId');
        expectProblem(await stats(who, { employerOrganizationId: employer }), 404);
      }
      // Filters the stats do not offer are refused, not ignored.
      const extras: Record<string, string>[] = [
        { sector: 'C' },
        { countryOfOrigin: 'AF' },
        { startFrom: '2026-01-01' },
      ];
      for (const extra of extras)
        expectProblem(await stats(who, { programmeId: s.programmeId, ...extra }), 400);
      // Outside a programme: only the asker's own employers, exactly (none for these two).
      const own = (await stats(who).expect(200)).body;
      expect(own.total).toEqual({ placements: 0, people: 0 });
    }
  });

  it('a manager who is also an employer cannot subtract their own figures to reveal the others', async () => {
    // The lead's org admin joins employer A too (an existing user accepts with their password).
    await http()
      .post(`/organizations/${employerA}/invitations`)
      .set(bearer(s.admin))
      .send({ email: s.manager.email, role: 'member' })
      .expect(201);
    // The second invitation e-mail to this address (the first one onboarded them).
    const LINK = /\/invitations\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/;
    let links: string[] = [];
    for (let i = 0; i < 150 && links.length < 2; i++) {
      links = smtp
        .to(s.manager.email)
        .map((m) => LINK.exec(m.text)?.[1])
        .filter((x): x is string => !!x);
      if (links.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    const token = links[links.length - 1];
    await http()
      .post(`/invitations/${token}/accept`)
      .send({ name: 'Manager', password: PASSWORD })
      .expect((res) => expect([200, 201]).toContain(res.status));
    const relogin = await http()
      .post('/auth/login')
      .send({ email: s.manager.email, password: PASSWORD })
      .expect(200);
    const both: Session = { ...s.manager, token: relogin.body.accessToken };
    const programme = (await stats(both, { programmeId: s.programmeId }).expect(200)).body;
    const mine = (
      await stats(both, { programmeId: s.programmeId, employerOrganizationId: employerA }).expect(200)
    ).body;
    expect(mine.suppressed).toBe(false);
    expect(mine.bySector).toEqual([{ key: 'I', people: 6 }]);
    for (const b of BREAKDOWNS)
      for (const cell of programme[b] as Cell[]) {
        if (typeof cell.people !== 'number') continue;
        const own = (mine[b] as Cell[]).find((c) => c.key === cell.key);
        const rest = cell.people - (typeof own?.people === 'number' ? own.people : 0);
        expect({ b, key: cell.key, rest: rest === 0 || rest >= 5 }).toEqual({ b, key: cell.key, rest: true });
      }
    // Sector I: 10 in the programme, 6 of them A's own; 4 would be B's, so I is not shown as a number.
    expect(programme.bySector.find((c: Cell) => c.key === 'I').people).not.toEqual(10);
  });

  it('reports of kind placements carry the same suppressed aggregates and no rows', async () => {
    for (const who of [s.manager, s.admin]) {
      const json = JSON.parse(
        (await buildReport(stack, who, 'placements', 'json', { programmeId: s.programmeId })).body.toString(),
      );
      expect(json.sections.placements).toBeUndefined();
      const text = JSON.stringify(json);
      expect(text).not.toContain('Helper');
      for (const id of [...placementIds, ...participantIds]) expect(text).not.toContain(id);
      const narrowed = await requestReport(stack, who, {
        kind: 'placements',
        format: 'json',
        parameters: { programmeId: s.programmeId, employerOrganizationId: employerB },
      });
      expectProblem(narrowed, 400);
    }
  });

  it('break glass: a platform admin reads one record with a reason, and the audit trail keeps it', async () => {
    const id = placementIds[11];
    const noReason = await http().post(`/admin/break-glass/placements/${id}`).set(bearer(s.admin)).send({});
    expectProblem(noReason, 400);
    expect(noReason.body.errors[0].field).toBe('reason');
    expectProblem(
      await http()
        .post(`/admin/break-glass/placements/${id}`)
        .set(bearer(s.manager))
        .send({ reason: 'I would like to see it please' }),
      403,
    );
    const reason = 'Complaint #2026-31 about this placement record';
    const read = await http()
      .post(`/admin/break-glass/placements/${id}`)
      .set(bearer(s.admin))
      .send({ reason })
      .expect(200);
    expect(read.body).toMatchObject({ id, employerOrganizationId: employerB, sector: 'C' });
    await http()
      .post(`/admin/break-glass/participants/${participantIds[11]}`)
      .set(bearer(s.admin))
      .send({ reason })
      .expect(200);
    const trail = await http()
      .get('/audit-events')
      .query({ entityType: 'placement', entityId: id })
      .set(bearer(s.admin))
      .expect(200);
    expect(JSON.stringify(trail.body.items)).toContain(reason);
    expect(
      trail.body.items.some(
        (e: { action: string; actorUserId: string }) =>
          e.action === 'read' && e.actorUserId === s.admin.userId,
      ),
    ).toBe(true);
  });
});
