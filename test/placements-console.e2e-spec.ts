import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  bearer,
  createOrganization,
  expectProblem,
  loginAdmin,
  onboardUser,
  Session,
} from './support/fixtures';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

/** A date `months` months and `days` days before today (UTC), YYYY-MM-DD. */
function ago(months: number, days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

const participant = (extra: Record<string, unknown> = {}) => ({
  yearOfBirth: 1991,
  gender: 'male',
  countryOfOrigin: 'SY',
  arrivalYear: 2021,
  statusCategory: 'refugee_or_asylum',
  languages: ['ar'],
  consent: { givenAt: '2026-02-01T09:00:00Z', scope: 'placement follow-up and aggregate reporting' },
  ...extra,
});

const job = (employerOrganizationId: string, extra: Record<string, unknown> = {}) => ({
  employerOrganizationId,
  jobTitle: 'Line cook',
  occupationCode: '5120',
  sector: 'I',
  startDate: ago(13, 1),
  contractType: 'permanent',
  hoursPerWeek: 38,
  ...extra,
});

interface DueCheckIn {
  id: string;
  placementId: string;
  months: number;
  dueOn: string;
  status: string;
  overdue: boolean;
  daysSinceDue: number;
  jobTitle: string;
  participantReferenceCode: string;
}

const fields = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);

describe('placements for the console: one-step registration, edits, the due list, classifications', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let employerA: string;
  let employerB: string;
  let hrA: Session;
  let hrB: Session;
  const http = () => stack.http();

  const participantsOf = async (org: string) =>
    (
      await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM participants WHERE registered_by_organization_id = $1`,
        [org],
      )
    )[0].n;

  const dueList = async (who: Session, query: Record<string, string> = {}) =>
    (await http().get('/check-ins/due').set(bearer(who)).query(query).expect(200)).body as {
      items: DueCheckIn[];
      nextCursor: string | null;
    };

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    const admin = await loginAdmin(stack);
    employerA = await createOrganization(stack, admin, 'employer', 'Quay Kitchens');
    employerB = await createOrganization(stack, admin, 'employer', 'Hill Masonry');
    hrA = await onboardUser(stack, smtp, admin, employerA, 'hr@quay.test', 'member');
    hrB = await onboardUser(stack, smtp, admin, employerB, 'hr@hill.test', 'member');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  describe('POST /placements/register', () => {
    it('registers the person and the placement in one step, with its check-ins', async () => {
      const res = await http()
        .post('/placements/register')
        .set(bearer(hrA))
        .send({ ...job(employerA), participant: participant() });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/placements/${res.body.id}`);
      expect(res.body).toMatchObject({
        status: 'active',
        employerOrganizationId: employerA,
        occupationCode: '5120',
      });
      expect(res.body.participantReferenceCode).toMatch(/^TP-[0-9A-Z]{10}$/);
      expect(res.body.checkIns.map((c: { months: number }) => c.months)).toEqual([3, 6, 12]);
      const person = await http().get(`/participants/${res.body.participantId}`).set(bearer(hrA)).expect(200);
      expect(person.body).toMatchObject({ countryOfOrigin: 'SY', registeredByOrganizationId: employerA });
    });

    it('bad input is a 400 naming every field, the person’s under participant.', async () => {
      const before = await participantsOf(employerA);
      const bad = await http()
        .post('/placements/register')
        .set(bearer(hrA))
        .send({
          ...job(employerA, { occupationCode: '99999', sector: 'Z' }),
          participant: participant({ countryOfOrigin: 'XX', languages: ['arabic'] }),
        });
      expectProblem(bad, 400);
      expect(fields(bad)).toEqual(
        expect.arrayContaining([
          'occupationCode',
          'sector',
          'participant.countryOfOrigin',
          'participant.languages',
        ]),
      );
      const missing = await http().post('/placements/register').set(bearer(hrA)).send(job(employerA));
      expectProblem(missing, 400);
      expect(fields(missing)).toContain('participant');
      expect(await participantsOf(employerA)).toBe(before);
    });

    it('leaves nothing behind when the placement is refused after the person passed', async () => {
      const before = await participantsOf(employerA);
      const [{ n: placementsBefore }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM placements WHERE employer_organization_id = $1`,
        [employerA],
      );
      // The person is valid; the start date is refused by the placement's rules, in the same transaction.
      const refused = await http()
        .post('/placements/register')
        .set(bearer(hrA))
        .send({ ...job(employerA, { startDate: '2099-01-01' }), participant: participant() });
      expectProblem(refused, 422);
      expect(fields(refused)).toEqual(['startDate']);
      expect(await participantsOf(employerA)).toBe(before);
      const [{ n: placementsAfter }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM placements WHERE employer_organization_id = $1`,
        [employerA],
      );
      expect(placementsAfter).toBe(placementsBefore);
    });

    it("another employer's member cannot register for A (403) and nothing is written", async () => {
      const before = await participantsOf(employerA);
      const res = await http()
        .post('/placements/register')
        .set(bearer(hrB))
        .send({ ...job(employerA), participant: participant() });
      expectProblem(res, 403);
      expect(await participantsOf(employerA)).toBe(before);
      expect(await participantsOf(employerB)).toBe(0);
    });
  });

  describe('PATCH /placements/{id}', () => {
    let id: string;
    let etag: string;

    beforeAll(async () => {
      const res = await http()
        .post('/placements/register')
        .set(bearer(hrA))
        .send({ ...job(employerA, { startDate: ago(1) }), participant: participant() })
        .expect(201);
      id = res.body.id;
      etag = (await http().get(`/placements/${id}`).set(bearer(hrA)).expect(200)).headers.etag;
    });

    it('corrects the job with If-Match; audited without the values', async () => {
      const res = await http()
        .patch(`/placements/${id}`)
        .set(bearer(hrA))
        .set('If-Match', etag)
        .send({ jobTitle: '  Sous-chef ', occupationCode: '3434', hoursPerWeek: 30 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        jobTitle: 'Sous-chef',
        occupationCode: '3434',
        hoursPerWeek: 30,
        version: 2,
      });
      expect(res.headers.etag).toBe('"2"');
      const trail = await auditOf(stack, 'placement', id);
      const last = JSON.stringify(trail[trail.length - 1].changes);
      expect(last).toContain('occupationCode');
      expect(last).not.toContain('Sous-chef');
      etag = res.headers.etag;
    });

    it('bad input 400 naming the field; stale 412; no If-Match 428', async () => {
      const bad = await http()
        .patch(`/placements/${id}`)
        .set(bearer(hrA))
        .set('If-Match', etag)
        .send({ occupationCode: '99999', jobTitle: null, hoursPerWeek: 200, startDate: '2026-02-30' });
      expectProblem(bad, 400);
      expect(fields(bad)).toEqual(
        expect.arrayContaining(['occupationCode', 'jobTitle', 'hoursPerWeek', 'startDate']),
      );
      expectProblem(
        await http()
          .patch(`/placements/${id}`)
          .set(bearer(hrA))
          .set('If-Match', '"1"')
          .send({ jobTitle: 'x' }),
        412,
      );
      expectProblem(await http().patch(`/placements/${id}`).set(bearer(hrA)).send({ jobTitle: 'x' }), 428);
    });

    it('another employer gets 404 on read, edit and end; nothing changes', async () => {
      expectProblem(await http().get(`/placements/${id}`).set(bearer(hrB)), 404);
      expectProblem(
        await http()
          .patch(`/placements/${id}`)
          .set(bearer(hrB))
          .set('If-Match', etag)
          .send({ jobTitle: 'Taken' }),
        404,
      );
      expectProblem(
        await http()
          .post(`/placements/${id}/end`)
          .set(bearer(hrB))
          .send({ endDate: ago(0), reason: 'not yours' }),
        404,
      );
      const now = await http().get(`/placements/${id}`).set(bearer(hrA)).expect(200);
      expect(now.body).toMatchObject({ jobTitle: 'Sous-chef', status: 'active' });
    });

    it('an ended placement cannot be edited (409)', async () => {
      const ended = await http()
        .post(`/placements/${id}/end`)
        .set(bearer(hrA))
        .send({ endDate: ago(0), reason: 'contract ended' })
        .expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endReason: 'contract ended' });
      expectProblem(
        await http()
          .patch(`/placements/${id}`)
          .set(bearer(hrA))
          .set('If-Match', `"${ended.body.version}"`)
          .send({ jobTitle: 'Chef' }),
        409,
      );
    });
  });

  describe('GET /check-ins/due', () => {
    let backDated: string;
    let recent: string;

    beforeAll(async () => {
      backDated = (
        await http()
          .post('/placements/register')
          .set(bearer(hrB))
          .send({
            ...job(employerB, { startDate: ago(13, 1), jobTitle: 'Mason' }),
            participant: participant(),
          })
          .expect(201)
      ).body.id;
      recent = (
        await http()
          .post('/placements/register')
          .set(bearer(hrB))
          .send({
            ...job(employerB, { startDate: ago(3, 5), jobTitle: 'Apprentice' }),
            participant: participant(),
          })
          .expect(201)
      ).body.id;
    });

    it("lists B's check-ins whose date came, oldest first, overdue flagged, A's never", async () => {
      const { items } = await dueList(hrB);
      const mine = items.map(
        (c) => `${c.placementId === backDated ? 'back' : 'recent'}:${c.months}:${c.overdue}`,
      );
      expect(mine).toEqual(['back:3:true', 'back:6:true', 'back:12:true', 'recent:3:false']);
      expect(items[3].daysSinceDue).toBeGreaterThan(0);
      expect(items[3].daysSinceDue).toBeLessThanOrEqual(14);
      expect(items[0]).toMatchObject({
        jobTitle: 'Mason',
        participantReferenceCode: expect.stringMatching(/^TP-/),
      });
      expect(items.every((c) => c.placementId === backDated || c.placementId === recent)).toBe(true);
      // Pages: one at a time, in the same order.
      const first = await dueList(hrB, { limit: '1' });
      const second = await dueList(hrB, { limit: '1', cursor: first.nextCursor! });
      expect([first.items[0].id, second.items[0].id]).toEqual([items[0].id, items[1].id]);
    });

    it('another employer’s list is a 404; a bad filter a 400 naming it', async () => {
      expectProblem(
        await http().get('/check-ins/due').set(bearer(hrA)).query({ employerOrganizationId: employerB }),
        404,
      );
      const bad = await http()
        .get('/check-ins/due')
        .set(bearer(hrB))
        .query({ employerOrganizationId: 'nope' });
      expectProblem(bad, 400);
      expect(fields(bad)).toContain('employerOrganizationId');
      expect(
        (await dueList(hrA, { employerOrganizationId: employerA })).items.some(
          (c) => c.placementId === backDated,
        ),
      ).toBe(false);
    });

    it('answering one (opened by the sweep or not yet) takes it off the list', async () => {
      const { items } = await dueList(hrB, { employerOrganizationId: employerB });
      const target = items.find((c) => c.placementId === recent)!;
      const answered = await http()
        .post(`/check-ins/${target.id}/answer`)
        .set(bearer(hrB))
        .send({ stillEmployed: true })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'answered', stillEmployed: true });
      expect((await dueList(hrB)).items.map((c) => c.id)).not.toContain(target.id);
      // A's member cannot answer B's check-in.
      const other = items.find((c) => c.placementId === backDated)!;
      expectProblem(
        await http().post(`/check-ins/${other.id}/answer`).set(bearer(hrA)).send({ stillEmployed: true }),
        404,
      );
    });
  });

  describe('GET /classifications', () => {
    it('lists the codes the API accepts and the ISCO-08 unit groups by title', async () => {
      const res = await http().get('/classifications').set(bearer(hrA)).expect(200);
      expect(res.body.countries).toEqual(expect.arrayContaining(['SY', 'UA', 'PT']));
      expect(res.body.countries).not.toContain('XX');
      expect(res.body.languages).toEqual(expect.arrayContaining(['ar', 'uk', 'ti']));
      expect(res.body.sectors).toHaveLength(21);
      expect(res.body.occupations).toHaveLength(436);
      expect(res.body.occupations).toContainEqual({ code: '9412', title: { en: 'Kitchen helpers' } });
      // Every code shipped is one occupationCode accepts.
      const hire = await http()
        .post('/placements/register')
        .set(bearer(hrA))
        .send({
          ...job(employerA, { occupationCode: res.body.occupations[0].code, startDate: ago(0) }),
          participant: participant(),
        });
      expect(hire.status).toBe(201);
      expectProblem(await http().get('/classifications'), 401);
    });
  });
});
