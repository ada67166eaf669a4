import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import IORedis from 'ioredis';
import { auditOf, bearer, createOrganization, expectProblem, onboardUser, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme, waitForNotification } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { delayedJobIds, jobNames as jobNamesIn } from './support/jobs';
import { TestStack } from './support/stack';

const REMINDER_SECONDS = 4;

/** A date `months` months and `days` days before today (UTC), YYYY-MM-DD. */
function ago(months: number, days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

/** The 15th of the month `months` months before this one (UTC): month sums never clamp to a month's end. */
function mid(months: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 15)).toISOString().slice(0, 10);
}

const person = (extra: Record<string, unknown> = {}) => ({
  yearOfBirth: 1995,
  gender: 'female',
  countryOfOrigin: 'SY',
  arrivalYear: 2022,
  statusCategory: 'refugee_or_asylum',
  languages: ['ar', 'en'],
  consent: { givenAt: '2026-01-10T09:00:00Z', scope: 'placement follow-up and aggregate reporting' },
  ...extra,
});

const job = (extra: Record<string, unknown> = {}) => ({
  jobTitle: 'Kitchen assistant',
  occupationCode: '9412',
  sector: 'I',
  startDate: ago(13, 2),
  contractType: 'permanent',
  hoursPerWeek: 37.5,
  ...extra,
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface CheckIn {
  id: string;
  placementId: string;
  months: number;
  dueOn: string;
  status: string;
  openedAt: string | null;
  remindedAt: string | null;
  answeredAt: string | null;
  stillEmployed: boolean | null;
}

describe('placements: participants, placements, retention check-ins, statistics, who may see what', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let employerA: string;
  let employerB: string;
  let hrA: Session;
  let hrB: Session;

  const http = () => stack.http();

  const register = async (who: Session, body: Record<string, unknown>) => {
    const res = await http().post('/participants').set(bearer(who)).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; referenceCode: string };
  };

  const place = async (who: Session, body: Record<string, unknown>) => {
    const res = await http().post('/placements').set(bearer(who)).send(body);
    if (res.status !== 201) throw new Error(`placement ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; status: string; checkIns: CheckIn[] };
  };

  const checkIns = async (who: Session, query: Record<string, string>) => {
    const res = await http()
      .get('/check-ins')
      .set(bearer(who))
      .query({ limit: 100, ...query })
      .expect(200);
    return res.body.items as CheckIn[];
  };

  /** The worker opens check-ins from delayed jobs; wait until `count` of the placement's are due. */
  const dueCheckIns = (who: Session, placementId: string, count: number) =>
    waitFor(`${count} due check-ins of ${placementId}`, async () => {
      const items = await checkIns(who, { status: 'due', placementId });
      return items.length === count ? items.sort((a, b) => a.months - b.months) : undefined;
    });

  const answer = (who: Session, id: string, body: Record<string, unknown>) =>
    http().post(`/check-ins/${id}/answer`).set(bearer(who)).send(body);

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({
      smtp,
      env: { CHECK_IN_REMINDER_SECONDS: String(REMINDER_SECONDS) },
    }).start();
    s = await setupProgramme(stack, smtp, 'Work First');
    employerA = await createOrganization(stack, s.admin, 'employer', 'Harbour Foods');
    employerB = await createOrganization(stack, s.admin, 'employer', 'Ridge Builders');
    hrA = await onboardUser(stack, smtp, s.admin, employerA, 'hr@harbour.test', 'org_admin');
    hrB = await onboardUser(stack, smtp, s.admin, employerB, 'hr@ridge.test', 'org_admin');
    // Both employers join the programme through the partners API.
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
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  describe('participants', () => {
    it('rejects bad input with 400 naming each field, unknown fields (no names) and a missing consent', async () => {
      const bad = await http()
        .post('/participants')
        .set(bearer(hrA))
        .send(
          person({
            countryOfOrigin: 'XX',
            languages: ['ar', 'zz'],
            statusCategory: 'tourist',
            consent: undefined,
            name: 'Amal',
          }),
        );
      expectProblem(bad, 400);
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining(['countryOfOrigin', 'languages', 'statusCategory', 'consent', 'name']),
      );
      const noScope = await http()
        .post('/participants')
        .set(bearer(hrA))
        .send(person({ consent: { givenAt: '2026-01-10T09:00:00Z' } }));
      expectProblem(noScope, 400);
      expect(noScope.body.errors.map((e: { field: string }) => e.field)).toContain('consent.scope');
      // ISO 8601 forms no one can store (an ordinal date, year 0000) are a 400 on the field, not a 500.
      for (const givenAt of ['2026-051', '0000-01-01T00:00:00Z']) {
        const unreadable = await http()
          .post('/participants')
          .set(bearer(hrA))
          .send(person({ consent: { givenAt, scope: 'placement follow-up' } }));
        expectProblem(unreadable, 400);
        expect(unreadable.body.errors).toEqual([
          expect.objectContaining({ field: 'consent.givenAt', message: expect.stringMatching(/ISO 8601/) }),
        ]);
      }
    });

    it('an employer registers its own hire; programme partners register for the programme; others may not', async () => {
      const own = await register(hrA, person());
      expect(own.referenceCode).toMatch(/^TP-[0-9A-Z]{10}$/);
      // The answer carries the pseudonym only (replays of an Idempotency-Key store it).
      expect(Object.keys(own).sort()).toEqual(
        ['createdAt', 'id', 'programmeId', 'referenceCode', 'registeredByOrganizationId'].sort(),
      );

      const byProvider = await register(s.provider.session, person({ programmeId: s.programmeId }));
      const byImplementer = await register(
        s.implementer.session,
        person({ programmeId: s.programmeId, countryOfOrigin: 'UA', languages: ['uk'] }),
      );
      expect(byImplementer.referenceCode).not.toBe(byProvider.referenceCode);

      // A civil-society partner must say which programme.
      const noProgramme = await http()
        .post('/participants')
        .set(bearer(s.implementer.session))
        .send(person());
      expectProblem(noProgramme, 422);
      expect(noProgramme.body.errors[0].field).toBe('programmeId');
      // Observers read the programme but register nobody; outsiders do not see the programme.
      expectProblem(
        await http()
          .post('/participants')
          .set(bearer(s.observer.session))
          .send(person({ programmeId: s.programmeId })),
        403,
      );
      expectProblem(
        await http()
          .post('/participants')
          .set(bearer(s.outsider.session))
          .send(person({ programmeId: s.programmeId })),
        404,
      );

      // Each organisation sees the participants it registered, nobody else's.
      const providerList = await http().get('/participants').set(bearer(s.provider.session)).expect(200);
      expect(providerList.body.items.map((p: { id: string }) => p.id)).toEqual([byProvider.id]);
      const mine = await http().get(`/participants/${own.id}`).set(bearer(hrA)).expect(200);
      expect(mine.body).toMatchObject({ countryOfOrigin: 'SY', languages: ['ar', 'en'], erased: false });
      expectProblem(await http().get(`/participants/${own.id}`).set(bearer(hrB)), 404);
      expectProblem(await http().get(`/participants/${byProvider.id}`).set(bearer(hrA)), 404);
      expect((await auditOf(stack, 'participant', own.id))[0].changes).not.toHaveProperty('countryOfOrigin');
    });
  });

  describe('placements', () => {
    it('logs a placement of its own hire and of a programme participant; Idempotency-Key replays', async () => {
      const hire = await register(hrA, person());
      const own = await place(hrA, { participantId: hire.id, employerOrganizationId: employerA, ...job() });
      expect(own).toMatchObject({ status: 'active', programmeId: null, hoursPerWeek: 37.5 });
      expect(own.checkIns.map((c) => c.months)).toEqual([3, 6, 12]);

      const p = await register(s.provider.session, person({ programmeId: s.programmeId }));
      const body = {
        participantId: p.id,
        employerOrganizationId: employerA,
        programmeId: s.programmeId,
        ...job(),
      };
      const first = await http()
        .post('/placements')
        .set(bearer(hrA))
        .set('Idempotency-Key', 'pl-1')
        .send(body);
      expect(first.status).toBe(201);
      const again = await http()
        .post('/placements')
        .set(bearer(hrA))
        .set('Idempotency-Key', 'pl-1')
        .send(body);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const [{ n }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM placements WHERE participant_id = $1`,
        [p.id],
      );
      expect(n).toBe(1);
      // The employer may now read the participant it placed.
      await http().get(`/participants/${p.id}`).set(bearer(hrA)).expect(200);
    });

    it('refuses bad input (400 naming the field), a programme the employer is not in (422 programmeId), others’ participants and others’ employers', async () => {
      const hire = await register(hrA, person());
      const bad = await http()
        .post('/placements')
        .set(bearer(hrA))
        .send({
          participantId: hire.id,
          employerOrganizationId: employerA,
          ...job({ occupationCode: '99999', sector: 'Z', contractType: 'zero_hours', hoursPerWeek: 'many' }),
        });
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['occupationCode', 'sector', 'contractType', 'hoursPerWeek']),
      );
      const unknownSubMajor = await http()
        .post('/placements')
        .set(bearer(hrA))
        .send({
          participantId: hire.id,
          employerOrganizationId: employerA,
          ...job({ occupationCode: '1999' }),
        });
      expectProblem(unknownSubMajor, 400);

      // The outsider is an employer but not a partner of the programme.
      const outsiderHire = await register(s.outsider.session, person());
      const notPartner = await http()
        .post('/placements')
        .set(bearer(s.outsider.session))
        .send({
          participantId: outsiderHire.id,
          employerOrganizationId: s.outsider.organizationId,
          programmeId: s.programmeId,
          ...job(),
        });
      expectProblem(notPartner, 422);
      expect(notPartner.body.errors).toEqual([expect.objectContaining({ field: 'programmeId' })]);

      // B may not place A's hire, nor log placements for A.
      const others = await http()
        .post('/placements')
        .set(bearer(hrB))
        .send({ participantId: hire.id, employerOrganizationId: employerB, ...job() });
      expectProblem(others, 422);
      expect(others.body.errors[0].field).toBe('participantId');
      expectProblem(
        await http()
          .post('/placements')
          .set(bearer(hrB))
          .send({ participantId: hire.id, employerOrganizationId: employerA, ...job() }),
        403,
      );
      // A programme participant is placeable only in that programme.
      const p = await register(s.provider.session, person({ programmeId: s.programmeId }));
      const withoutProgramme = await http()
        .post('/placements')
        .set(bearer(hrB))
        .send({ participantId: p.id, employerOrganizationId: employerB, ...job() });
      expectProblem(withoutProgramme, 422);
    });
  });

  describe('retention check-ins, cross-employer isolation, erasure, statistics', () => {
    let a1: string; // A's programme placement, started 13 months ago
    let a1Checks: CheckIn[];
    let b1: string;

    it('the worker opens all three check-ins of a placement started 13 months ago and tells the employer', async () => {
      const p = await register(s.provider.session, person({ programmeId: s.programmeId }));
      a1 = (
        await place(hrA, {
          participantId: p.id,
          employerOrganizationId: employerA,
          programmeId: s.programmeId,
          ...job(),
        })
      ).id;
      a1Checks = await dueCheckIns(hrA, a1, 3);
      expect(a1Checks.map((c) => c.months)).toEqual([3, 6, 12]);
      // One summary per organisation and day (issue 13), about the employer, not one per check-in.
      const notes = await waitForNotification(stack, hrA, 'placement.check_in_due', employerA);
      expect(notes).toHaveLength(1);
      expect(
        (
          await stack.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.email = $1 AND n.type = 'placement.check_in_due'`,
            [hrA.email],
          )
        )[0].n,
      ).toBe(1);

      const pb = await register(s.provider.session, person({ programmeId: s.programmeId }));
      b1 = (
        await place(hrB, {
          participantId: pb.id,
          employerOrganizationId: employerB,
          programmeId: s.programmeId,
          ...job({ sector: 'F', occupationCode: '7112' }),
        })
      ).id;
      await dueCheckIns(hrB, b1, 3);
    });

    it('answers two at once; the unanswered one is reminded exactly once after the configured delay', async () => {
      for (const c of a1Checks.slice(0, 2)) {
        const res = await answer(hrA, c.id, { stillEmployed: true });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'answered', stillEmployed: true });
      }
      const twelve = a1Checks[2];
      const reminded = await waitFor('the 12-month reminder', async () => {
        const items = await checkIns(hrA, { placementId: a1 });
        const c = items.find((x) => x.id === twelve.id)!;
        return c.remindedAt ? items : undefined;
      });
      await waitForNotification(stack, hrA, 'placement.check_in_reminder', employerA);
      expect(reminded.filter((c) => c.months !== 12).every((c) => c.remindedAt === null)).toBe(true);
      // Give a duplicate a chance to show up: there must still be one.
      await new Promise((r) => setTimeout(r, REMINDER_SECONDS * 1000 + 500));
      const notes = await http()
        .get('/notifications')
        .query({ type: 'placement.check_in_reminder', limit: 100 })
        .set(bearer(hrA))
        .expect(200);
      expect(notes.body.items.filter((n: { subjectId: string }) => n.subjectId === employerA)).toHaveLength(
        1,
      );
      // A check-in cannot be answered twice.
      expectProblem(await answer(hrA, a1Checks[0].id, { stillEmployed: true }), 409);
    });

    type Role = 'employer B' | 'observer' | 'manager' | 'admin';
    const sessionOf = (role: Role): Session =>
      ({ 'employer B': hrB, observer: s.observer.session, manager: s.manager, admin: s.admin })[role];
    const participantOfA1 = async () =>
      (await http().get(`/placements/${a1}`).set(bearer(hrA)).expect(200)).body.participantId as string;
    const requests = {
      'read the placement': (who: Session) => http().get(`/placements/${a1}`).set(bearer(who)),
      'end the placement': (who: Session) =>
        http()
          .post(`/placements/${a1}/end`)
          .set(bearer(who))
          .send({ endDate: ago(0), reason: 'x' }),
      'read its participant': async (who: Session) =>
        http()
          .get(`/participants/${await participantOfA1()}`)
          .set(bearer(who)),
      'answer its check-in': (who: Session) => answer(who, a1Checks[2].id, { stillEmployed: true }),
    };
    type Request = keyof typeof requests;

    // Employer A's placement, its participant and its check-ins are A's alone: another employer, an
    // observer of the programme, its manager (statistics only, issue 14) and the platform admin
    // cannot tell they exist.
    it.each(
      (['employer B', 'observer', 'manager', 'admin'] as Role[]).flatMap((role) =>
        (Object.keys(requests) as Request[]).map((request): [Role, Request] => [role, request]),
      ),
    )('%s: %s → 404', async (role, request) => {
      expectProblem(await requests[request](sessionOf(role)), 404);
    });

    it('employer B lists only its own placements and check-ins; observers and outsiders list none', async () => {
      const bList = await http().get('/placements').set(bearer(hrB)).query({ limit: 100 }).expect(200);
      expect(
        bList.body.items.every(
          (p: { employerOrganizationId: string }) => p.employerOrganizationId === employerB,
        ),
      ).toBe(true);
      expect((await checkIns(hrB, {})).every((c) => c.placementId === b1)).toBe(true);
      const outsiderList = await http().get('/placements').set(bearer(s.outsider.session)).expect(200);
      expect(outsiderList.body.items).toEqual([]);
    });

    it('the programme manager lists no rows (placements, check-ins) of other organisations', async () => {
      // Changed with issue 14: managers get suppressed statistics, never rows of employers' placements.
      const list = await http()
        .get('/placements')
        .set(bearer(s.manager))
        .query({ programmeId: s.programmeId, limit: 100 })
        .expect(200);
      expect(list.body.items).toEqual([]);
      expect(
        (await http().get('/placements').set(bearer(s.manager)).query({ limit: 100 })).body.items,
      ).toEqual([]);
      expectProblem(await http().get(`/placements/${b1}`).set(bearer(s.admin)), 404);
      expect((await checkIns(s.manager, {})).length).toBe(0);
      // The employer still filters its own.
      const filtered = await http()
        .get('/placements')
        .set(bearer(hrB))
        .query({
          programmeId: s.programmeId,
          sector: 'F',
          status: 'active',
          startFrom: ago(14),
          startTo: ago(12),
        })
        .expect(200);
      expect(filtered.body.items.map((p: { id: string }) => p.id)).toEqual([b1]);
    });

    it('an answer that the person left ends the placement; ending a placement cancels its later check-ins', async () => {
      const noDate = await answer(hrA, a1Checks[2].id, { stillEmployed: false });
      expectProblem(noDate, 400);
      expect(noDate.body.errors[0].field).toBe('leftOn');
      const left = await answer(hrA, a1Checks[2].id, {
        stillEmployed: false,
        leftOn: ago(0, 3),
        reason: 'moved away',
      });
      expect(left.status).toBe(200);
      const ended = await http().get(`/placements/${a1}`).set(bearer(hrA)).expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endDate: ago(0, 3), endReason: 'moved away' });

      // B's person left after 4 months: the 6- and 12-month check-ins are cancelled.
      const bChecks = await checkIns(hrB, { placementId: b1 });
      const b3 = bChecks.find((c) => c.months === 3)!;
      expect((await answer(hrB, b3.id, { stillEmployed: false, leftOn: ago(9) })).status).toBe(200);
      const bAfter = await checkIns(hrB, { placementId: b1 });
      expect(Object.fromEntries(bAfter.map((c) => [c.months, c.status]))).toEqual({
        3: 'answered',
        6: 'cancelled',
        12: 'cancelled',
      });
      expectProblem(await answer(hrB, bAfter.find((c) => c.months === 6)!.id, { stillEmployed: true }), 409);

      // A placement started four months ago: only the 3-month check-in opens; ending it cancels the rest.
      const hire = await register(hrA, person());
      const recent = await place(hrA, {
        participantId: hire.id,
        employerOrganizationId: employerA,
        ...job({ startDate: ago(4, 2) }),
      });
      await dueCheckIns(hrA, recent.id, 1);
      const endRes = await http()
        .post(`/placements/${recent.id}/end`)
        .set(bearer(hrA))
        .send({ endDate: ago(0), reason: 'contract ended' });
      expect(endRes.status).toBe(200);
      expect(endRes.body.checkIns.map((c: CheckIn) => [c.months, c.status])).toEqual([
        [3, 'due'],
        [6, 'cancelled'],
        [12, 'cancelled'],
      ]);
      expectProblem(
        await http()
          .post(`/placements/${recent.id}/end`)
          .set(bearer(hrA))
          .send({ endDate: ago(0), reason: 'again' }),
        409,
      );
    });

    it('statistics: the employer sees its own exactly; the programme view suppresses every cell under 5 people', async () => {
      // Twelve more programme placements, all started 13 months ago: six stay, six leave after 3 months.
      const placed: { id: string; who: Session }[] = [];
      for (let i = 0; i < 12; i++) {
        const p = await register(
          s.provider.session,
          person({ programmeId: s.programmeId, countryOfOrigin: i < 10 ? 'SY' : 'AF' }),
        );
        const [who, org] = i % 2 ? [hrB, employerB] : [hrA, employerA];
        const pl = await place(who, {
          participantId: p.id,
          employerOrganizationId: org,
          programmeId: s.programmeId,
          ...job({ sector: i < 11 ? 'I' : 'C', contractType: i < 6 ? 'permanent' : 'fixed_term' }),
        });
        placed.push({ id: pl.id, who });
      }
      for (const [i, pl] of placed.entries()) {
        const [three] = await dueCheckIns(pl.who, pl.id, 3);
        const res = await answer(
          pl.who,
          three.id,
          i < 6 ? { stillEmployed: true } : { stillEmployed: false, leftOn: ago(10), reason: 'left' },
        );
        expect(res.status).toBe(200);
      }

      const view = await http()
        .get('/placements/stats')
        .set(bearer(s.manager))
        .query({ programmeId: s.programmeId })
        .expect(200);
      expect(view.body.suppressed).toBe(true);
      const cells = [
        ...view.body.bySector,
        ...view.body.byOccupationGroup,
        ...view.body.byContractType,
        ...view.body.byCountryOfOrigin,
      ] as { key: string; people: number | string }[];
      // Never a number under 5.
      for (const c of cells) if (typeof c.people === 'number') expect(c.people).toBeGreaterThanOrEqual(5);
      expect(view.body.bySector).toEqual(
        expect.arrayContaining([
          { key: 'C', people: '<5' },
          { key: 'I', people: expect.any(Number) },
        ]),
      );
      expect(view.body.byCountryOfOrigin).toEqual(expect.arrayContaining([{ key: 'AF', people: '<5' }]));
      // Retention at 3 months: 7 stayed (a1 and six), 7 left (b1 and six) → shown; 12 months: 1 answered → "<5".
      const r3 = view.body.retention.find((r: { months: number }) => r.months === 3);
      expect(r3).toEqual({ months: 3, answered: 14, retained: 7, left: 7, rate: 0.5 });
      const r12 = view.body.retention.find((r: { months: number }) => r.months === 12);
      expect(r12).toEqual({ months: 12, answered: '<5', retained: '<5', left: '<5', rate: null });
      expect(JSON.stringify(view.body)).not.toMatch(/"people":[0-4][,}]/);

      // Employer A's own figures are exact: its 12-month check-in (a1, left) shows as 1 answered.
      const own = await http().get('/placements/stats').set(bearer(hrA)).expect(200);
      expect(own.body.suppressed).toBe(false);
      expect(own.body.retention.find((r: { months: number }) => r.months === 12)).toEqual({
        months: 12,
        answered: 1,
        retained: 0,
        left: 1,
        rate: 0,
      });
      expect(own.body.retention.find((r: { months: number }) => r.months === 6)).toMatchObject({
        answered: 1,
        retained: 1,
        rate: 1,
      });
      // Employers get no programme-wide view: with programmeId they see their own placements in it.
      const bInProgramme = await http()
        .get('/placements/stats')
        .set(bearer(hrB))
        .query({ programmeId: s.programmeId })
        .expect(200);
      expect(bInProgramme.body).toMatchObject({ suppressed: false, total: { placements: 7, people: 7 } });
      expectProblem(
        await http()
          .get('/placements/stats')
          .set(bearer(s.outsider.session))
          .query({ programmeId: s.programmeId }),
        404,
      );
    });

    it('erasure removes the attributes, keeps the placement and every count', async () => {
      const before = await http()
        .get('/placements/stats')
        .set(bearer(s.manager))
        .query({ programmeId: s.programmeId })
        .expect(200);
      const placement = await http().get(`/placements/${a1}`).set(bearer(hrA)).expect(200);
      const participantId = placement.body.participantId as string;

      expectProblem(await http().delete(`/participants/${participantId}`).set(bearer(hrA)), 403);
      expectProblem(await http().delete(`/participants/${participantId}`).set(bearer(hrB)), 404);
      await http().delete(`/participants/${participantId}`).set(bearer(s.provider.session)).expect(204);
      await http().delete(`/participants/${participantId}`).set(bearer(s.provider.session)).expect(204);

      const erased = await http()
        .get(`/participants/${participantId}`)
        .set(bearer(s.provider.session))
        .expect(200);
      expect(erased.body).toMatchObject({
        erased: true,
        yearOfBirth: null,
        gender: null,
        countryOfOrigin: null,
        arrivalYear: null,
        statusCategory: null,
        languages: null,
        consent: null,
      });
      const [row] = await stack.query<Record<string, unknown>>(`SELECT * FROM participants WHERE id = $1`, [
        participantId,
      ]);
      expect(row).toMatchObject({ country_of_origin: null, year_of_birth: null, consent_scope: null });
      await http().get(`/placements/${a1}`).set(bearer(hrA)).expect(200);

      const after = await http()
        .get('/placements/stats')
        .set(bearer(s.manager))
        .query({ programmeId: s.programmeId })
        .expect(200);
      expect(after.body.total).toEqual(before.body.total);
      expect(after.body.retention).toEqual(before.body.retention);
      expect(after.body.bySector).toEqual(before.body.bySector);
      expect(after.body.byCountryOfOrigin).toEqual(
        expect.arrayContaining([{ key: 'unknown', people: '<5' }]),
      );
      const erasedOwn = await http().get('/placements/stats').set(bearer(hrA)).expect(200);
      expect(erasedOwn.body.byCountryOfOrigin).toEqual(
        expect.arrayContaining([{ key: 'unknown', people: 1 }]),
      );

      // An erased participant cannot be placed again.
      const again = await http()
        .post('/placements')
        .set(bearer(hrA))
        .send({ participantId, employerOrganizationId: employerA, programmeId: s.programmeId, ...job() });
      expectProblem(again, 422);
      expect(again.body.errors[0].field).toBe('participantId');
    });
  });

  describe('CSV import', () => {
    const COLUMNS =
      'participantReference,yearOfBirth,gender,countryOfOrigin,arrivalYear,statusCategory,languages,consentGivenAt,consentScope,programmeId,jobTitle,occupationCode,sector,startDate,contractType,hoursPerWeek';
    const newPerson = (country = 'SY') =>
      `1990,male,${country},2021,labour,ar;fr,2026-01-10T09:00:00Z,placement follow-up`;
    const csv = (...rows: string[]) => [COLUMNS, ...rows].join('\r\n') + '\r\n';

    const upload = (
      who: Session,
      content: string | Buffer,
      fields: Record<string, string> = {},
      headers: Record<string, string> = {},
    ) => {
      const req = http().post('/placements/imports').set(bearer(who)).set(headers);
      for (const [k, v] of Object.entries({ employerOrganizationId: employerA, ...fields })) req.field(k, v);
      return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), {
        filename: 'placements.csv',
        contentType: 'text/csv',
      });
    };

    const finished = (who: Session, id: string) =>
      waitFor(`import ${id}`, async () => {
        const res = await http().get(`/placements/imports/${id}`).set(bearer(who)).expect(200);
        return ['completed', 'rejected', 'failed'].includes(res.body.status) ? res.body : undefined;
      }).catch((err: Error) => {
        throw new Error(`${err.message}\n${stack.recentLogs().slice(-3000)}`);
      });

    const createdBy = async (importId: string) =>
      (
        await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM placements WHERE import_id = $1`, [
          importId,
        ])
      )[0].n;

    it('serves the template, whose header is the documented columns', async () => {
      const res = await http().get('/placements/imports/template.csv').set(bearer(hrA)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.text.split('\r\n')[0]).toBe(COLUMNS);
    });

    it('imports a clean file (existing and new participants), then a re-upload or a repeated key makes nothing new', async () => {
      const hire = await register(hrA, person());
      const content = csv(
        `${hire.referenceCode},,,,,,,,,,Line cook,5120,I,${ago(2)},permanent,40`,
        `,${newPerson()},${s.programmeId},Welder,7212,C,${ago(13, 2)},fixed_term,38`,
        `,${newPerson('ER')},,Cleaner,9112,N,${ago(1)},seasonal,20.5`,
      );
      const res = await upload(hrA, content, {}, { 'Idempotency-Key': 'csv-1' });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'queued', totalRows: 3, mode: 'all_or_nothing' });
      const done = await finished(hrA, res.body.id);
      expect(done).toMatchObject({
        status: 'completed',
        createdCount: 3,
        errorCount: 0,
        errors: [],
        processedRows: 3,
        totalRows: 3,
      });
      expect(await createdBy(res.body.id)).toBe(3);
      const [stored] = await stack.query<{ file: Buffer | null }>(
        `SELECT file FROM placement_imports WHERE id = $1`,
        [res.body.id],
      );
      expect(stored.file).toBeNull();

      // The imported placement started 13 months ago gets its check-ins from the real worker.
      const welder = await http()
        .get('/placements')
        .set(bearer(hrA))
        .query({ sector: 'C', limit: 100 })
        .expect(200);
      const imported = welder.body.items.find((p: { jobTitle: string }) => p.jobTitle === 'Welder');
      expect(imported.programmeId).toBe(s.programmeId);
      await dueCheckIns(hrA, imported.id, 3);

      const again = await upload(hrA, content);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(res.body.id);
      const sameKey = await upload(hrA, content, {}, { 'Idempotency-Key': 'csv-1' });
      expect(sameKey.status).toBe(200);
      expect(sameKey.body.id).toBe(res.body.id);
      expectProblem(
        await upload(
          hrA,
          csv(`,${newPerson()},,Cook,5120,I,${ago(1)},permanent,40`),
          {},
          { 'Idempotency-Key': 'csv-1' },
        ),
        409,
      );
      expect(await createdBy(res.body.id)).toBe(3);

      // Only A's members see A's imports.
      expectProblem(await http().get(`/placements/imports/${res.body.id}`).set(bearer(hrB)), 404);
      expectProblem(await upload(hrB, content), 403);
    });

    it('a file with bad rows: all or nothing creates nothing and names every bad row; valid_rows keeps the good ones', async () => {
      const content = csv(
        `,${newPerson()},,Cook,5120,I,${ago(1)},permanent,40`,
        `,${newPerson('XX')},,Cook,5120,I,${ago(1)},permanent,40`,
        `TP-0000000000,,,,,,,,,,Cook,5120,Z,${ago(1)},permanent,40`,
        `,${newPerson()},${s.programmeId},Cook,5120,I,${ago(1)},permanent,40`,
        `,${newPerson()},,Cook,5120,I,${ago(1)},permanent`,
        `TP-0000000001,,,,,,,,,,Cook,5120,I,${ago(1)},permanent,40`,
        `,${newPerson().replace('2026-01-10T09:00:00Z', '2026-W05-3')},,Cook,5120,I,${ago(1)},permanent,40`,
      );
      const strict = await upload(hrA, content);
      expect(strict.status).toBe(202);
      const rejected = await finished(hrA, strict.body.id);
      expect(rejected).toMatchObject({
        status: 'rejected',
        createdCount: 0,
        errorCount: 5,
        totalRows: 7,
        processedRows: 7,
      });
      expect(rejected.errors).toEqual(
        expect.arrayContaining([
          { row: 3, column: 'countryOfOrigin', reason: expect.any(String) },
          { row: 4, column: 'sector', reason: expect.any(String) },
          { row: 7, column: 'participantReference', reason: expect.any(String) },
          { row: 6, column: '*', reason: expect.stringMatching(/15 fields/) },
          { row: 8, column: 'consentGivenAt', reason: expect.stringMatching(/ISO 8601/) },
        ]),
      );
      expect(await createdBy(strict.body.id)).toBe(0);
      const errorsCsv = await http()
        .get(`/placements/imports/${strict.body.id}/errors.csv`)
        .set(bearer(hrA))
        .expect(200);
      expect(errorsCsv.headers['content-type']).toMatch(/^text\/csv/);
      expect(errorsCsv.text.split('\r\n')[0]).toBe('row,column,reason');
      expect(errorsCsv.text).toMatch(/\n3,countryOfOrigin,/);

      // The same file in valid_rows mode is a new import (the rejected one created nothing).
      const lenient = await upload(hrA, content, { mode: 'valid_rows' });
      expect(lenient.status).toBe(202);
      expect(lenient.body.id).not.toBe(strict.body.id);
      const kept = await finished(hrA, lenient.body.id);
      expect(kept).toMatchObject({ status: 'completed', createdCount: 2, errorCount: 5 });
      expect(await createdBy(lenient.body.id)).toBe(2);
      // Uploaded again: the earlier import stands.
      const again = await upload(hrA, content, { mode: 'valid_rows' });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(lenient.body.id);
    });

    it('refuses files that are not CSV, empty, with wrong headers or too many rows, with a clear 4xx', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      const notCsv = await http()
        .post('/placements/imports')
        .set(bearer(hrA))
        .field('employerOrganizationId', employerA)
        .attach('file', png, { filename: 'photo.png', contentType: 'image/png' });
      expectProblem(notCsv, 415);
      expectProblem(await upload(hrA, ''), 400);
      const headerOnly = await upload(hrA, `${COLUMNS}\r\n`);
      expectProblem(headerOnly, 400);
      const wrong = await upload(hrA, 'name,email,job\r\nAmal,a@example.org,cook\r\n');
      expectProblem(wrong, 400);
      expect(wrong.body.errors[0]).toMatchObject({
        field: 'file',
        message: expect.stringMatching(/missing columns: participantReference/),
      });
      expect(wrong.body.errors[0].message).toMatch(/unknown columns: name, email, job/);
      const tooMany = await upload(
        hrA,
        csv(...Array.from({ length: 50_001 }, () => `,${newPerson()},,Cook,5120,I,${ago(1)},permanent,40`)),
      );
      expectProblem(tooMany, 413);
      const noFile = await http()
        .post('/placements/imports')
        .set(bearer(hrA))
        .field('employerOrganizationId', employerA);
      expectProblem(noFile, 400);
      expect(noFile.body.errors[0].field).toBe('file');
      const badMode = await upload(hrA, csv(`,${newPerson()},,Cook,5120,I,${ago(1)},permanent,40`), {
        mode: 'some',
      });
      expectProblem(badMode, 400);
      expect(badMode.body.errors[0].field).toBe('mode');
    });

    it('a 50-row import leaves no job per row or check-in in Redis; the sweep opens its 150 check-ins and the employer hears once', async () => {
      const employer = await createOrganization(stack, s.admin, 'employer', 'Quay Bakery');
      const hr = await onboardUser(stack, smtp, s.admin, employer, 'hr@quay-bakery.test', 'org_admin');
      const redis = new IORedis(stack.redis.url, { maxRetriesPerRequest: null });
      try {
        const jobNames = () => jobNamesIn(redis);
        const before = await jobNames();
        const rows = Array.from(
          { length: 50 },
          (_, i) => `,${newPerson()},,Baker ${i},7512,C,${ago(13, i % 20)},permanent,38`,
        );
        const res = await upload(hr, csv(...rows), { employerOrganizationId: employer });
        expect(res.status).toBe(202);
        expect(await finished(hr, res.body.id)).toMatchObject({ status: 'completed', createdCount: 50 });
        // Started 13 months ago: all 150 check-ins are due; the sweep (not a job per row) opens them.
        await waitFor('150 due check-ins', async () => {
          const [{ n }] = await stack.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
              WHERE pl.import_id = $1 AND rc.status = 'due' AND rc.opened_at IS NOT NULL`,
            [res.body.id],
          );
          return n === 150 ? n : undefined;
        });
        const notes = await waitForNotification(stack, hr, 'placement.check_in_due', employer);
        expect(notes).toHaveLength(1);
        // One summary e-mail to the employer's member, whatever the number of check-ins.
        await waitFor('the summary e-mail', async () =>
          smtp.received.some(
            (m) =>
              m.to.includes(hr.email) && m.subject.includes('150 retention check-ins of Quay Bakery are due'),
          )
            ? true
            : undefined,
        );
        // Redis: no job was added per row or per check-in (only the import, its fan-out and e-mail
        // batch; the sweeps' own runs, one a second each here, do not count).
        const perItem = ['placement.check-ins', 'placement.check-in-due', 'placement.check-in-reminder'];
        const after = await jobNames();
        const sweeps = [
          'placement.check-in-sweep',
          'task.reminder-sweep',
          'consultation.timer-sweep',
          'partner.agreement-reminder-sweep',
        ];
        const other = (names: string[]) => names.filter((n) => !sweeps.includes(n));
        expect(other(after).length - other(before).length).toBeLessThan(10);
        expect(after.filter((n) => perItem.includes(n))).toEqual([]);
        // Delayed: nothing but the job schedulers' next runs (the sweeps' and the digest tick's, not
        // counted), and at most one other job, as before.
        const delayed = await Promise.all(
          ['reminders', 'imports', 'notifications'].map((q) => delayedJobIds(redis, q)),
        );
        expect(delayed.flat().length).toBeLessThan(2);
      } finally {
        redis.disconnect();
      }
    });
  });
  describe('moving a start date (PATCH startDate)', () => {
    let employerC: string;
    let hrC: Session;
    let hireId: string;
    let moved: string; // started mid(13), then moved to mid(8)

    const read = async (who: Session, id: string) => {
      const res = await http().get(`/placements/${id}`).set(bearer(who)).expect(200);
      return res.body as { startDate: string; version: number; status: string; checkIns: CheckIn[] };
    };
    const patch = (who: Session, id: string, version: number | string, body: Record<string, unknown>) =>
      http().patch(`/placements/${id}`).set(bearer(who)).set('If-Match', `"${version}"`).send(body);
    const byMonths = (checks: CheckIn[]) => Object.fromEntries(checks.map((c) => [c.months, c]));

    beforeAll(async () => {
      employerC = await createOrganization(stack, s.admin, 'employer', 'Dock Street Deli');
      hrC = await onboardUser(stack, smtp, s.admin, employerC, 'hr@dockstreet.test', 'org_admin');
      hireId = (await register(hrC, person())).id;
    });

    it('moves the placement and its unanswered check-ins, which are opened and reminded again for their new dates; answered ones keep date and answer', async () => {
      moved = (
        await place(hrC, {
          participantId: hireId,
          employerOrganizationId: employerC,
          ...job({ startDate: mid(13) }),
        })
      ).id;
      const opened = await dueCheckIns(hrC, moved, 3);
      expect(opened.map((c) => c.dueOn)).toEqual([mid(10), mid(7), mid(1)]);
      expect((await answer(hrC, opened[0].id, { stillEmployed: true })).status).toBe(200);
      // The 6-month one is reminded for its old date before the move.
      await waitFor('the 6-month reminder', async () => {
        const c = (await checkIns(hrC, { placementId: moved })).find((x) => x.months === 6)!;
        return c.remindedAt ?? undefined;
      });
      const before = await read(hrC, moved);
      const answered = byMonths(before.checkIns)[3];

      const movedAt = new Date();
      const res = await patch(hrC, moved, before.version, { startDate: mid(8) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ startDate: mid(8), version: before.version + 1, status: 'active' });
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);
      const after = byMonths(res.body.checkIns as CheckIn[]);
      // Answered: its date and its answer stay.
      expect(after[3]).toEqual(answered);
      // Past its new date: simply due again (the sweep reopens it), reminded afresh later.
      expect(after[6]).toMatchObject({ dueOn: mid(2), remindedAt: null });
      expect(['scheduled', 'due']).toContain(after[6].status);
      // Now in the future: scheduled, nothing opened or reminded.
      expect(after[12]).toMatchObject({
        dueOn: mid(-4),
        status: 'scheduled',
        openedAt: null,
        remindedAt: null,
      });

      // The check-in list a user reads says the same.
      const listed = byMonths(await checkIns(hrC, { placementId: moved }));
      expect([3, 6, 12].map((m) => listed[m].dueOn)).toEqual([mid(10), mid(2), mid(-4)]);

      // The sweep opens and reminds the moved 6-month check-in for its new date; the 12-month waits.
      const reminded = await waitFor('the 6-month reminder for its new date', async () => {
        const c = byMonths(await checkIns(hrC, { placementId: moved }));
        return c[6].remindedAt ? c : undefined;
      });
      expect(reminded[6]).toMatchObject({ status: 'due', dueOn: mid(2) });
      expect(new Date(reminded[6].openedAt!).getTime()).toBeGreaterThanOrEqual(movedAt.getTime() - 1000);
      expect(reminded[12]).toMatchObject({ status: 'scheduled', remindedAt: null });

      // The same date again changes nothing: no new version, no second reminder.
      const same = await patch(hrC, moved, before.version + 1, { startDate: mid(8) });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(before.version + 1);
      expect(byMonths(same.body.checkIns as CheckIn[])[6].remindedAt).toBe(reminded[6].remindedAt);

      // Audited as the other edits are: which fields changed, not the dates.
      const trail = await auditOf(stack, 'placement', moved);
      const last = JSON.stringify(trail[trail.length - 1].changes);
      expect(last).toContain('startDate');
      expect(last).not.toContain(mid(8));
      expect(last).not.toContain(mid(13));
    });

    it('refuses naming startDate and changes nothing: a day another placement of the person starts (409), out of range (422), not a date (400); others 404; stale 412', async () => {
      const other = await place(hrC, {
        participantId: hireId,
        employerOrganizationId: employerC,
        ...job({ startDate: mid(5), jobTitle: 'Baker' }),
      });
      const before = await read(hrC, moved);
      const refused = (res: Awaited<ReturnType<typeof patch>>, status: number) => {
        expectProblem(res, status);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['startDate']);
      };
      refused(await patch(hrC, moved, before.version, { startDate: mid(5) }), 409);
      refused(await patch(hrC, moved, before.version, { startDate: '1949-12-31' }), 422);
      refused(await patch(hrC, moved, before.version, { startDate: '2026-02-30' }), 400);
      refused(await patch(hrC, moved, before.version, { startDate: 'next monday' }), 400);
      expectProblem(await patch(hrB, moved, before.version, { startDate: mid(9) }), 404);
      expectProblem(await patch(hrA, moved, before.version, { startDate: mid(9) }), 404);
      expectProblem(await patch(hrC, moved, before.version - 1, { startDate: mid(9) }), 412);

      const now = await read(hrC, moved);
      expect(now).toMatchObject({ startDate: mid(8), version: before.version });
      expect(now.checkIns.map((c) => c.dueOn)).toEqual(before.checkIns.map((c) => c.dueOn));
      expect((await read(hrC, other.id)).startDate).toBe(mid(5));
    });

    it('an ended placement: not after its end date (422 startDate, nothing changes); an earlier date moves its check-ins and re-applies the end', async () => {
      const p = await place(hrC, {
        participantId: hireId,
        employerOrganizationId: employerC,
        ...job({ startDate: mid(4), jobTitle: 'Porter' }),
      });
      const ended = await http()
        .post(`/placements/${p.id}/end`)
        .set(bearer(hrC))
        .send({ endDate: mid(1), reason: 'moved away' })
        .expect(200);
      expect((ended.body.checkIns as CheckIn[]).map((c) => `${c.dueOn}:${c.status === 'cancelled'}`)).toEqual(
        [`${mid(1)}:false`, `${mid(-2)}:true`, `${mid(-8)}:true`],
      );
      const version = ended.body.version as number;

      const after = await patch(hrC, p.id, version, { startDate: mid(0) });
      expectProblem(after, 422);
      expect(after.body.errors.map((e: { field: string }) => e.field)).toEqual(['startDate']);
      // The job details of an ended placement stay frozen.
      expectProblem(await patch(hrC, p.id, version, { startDate: mid(7), jobTitle: 'Chef' }), 409);
      expect(await read(hrC, p.id)).toMatchObject({ startDate: mid(4), version });

      const res = await patch(hrC, p.id, version, { startDate: mid(7) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        startDate: mid(7),
        status: 'ended',
        endDate: mid(1),
        version: version + 1,
      });
      const c = byMonths(res.body.checkIns as CheckIn[]);
      expect(c[3].dueOn).toBe(mid(4));
      expect(['scheduled', 'due']).toContain(c[3].status);
      // Dated on the end day now: no longer cancelled (the end cancels only later ones).
      expect(c[6].dueOn).toBe(mid(1));
      expect(['scheduled', 'due']).toContain(c[6].status);
      expect(c[12]).toMatchObject({ dueOn: mid(-5), status: 'cancelled' });
    });
  });
});
