import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import IORedis from 'ioredis';
import * as ical from 'node-ical';
import {
  auditOf,
  bearer,
  createOrganization,
  expectProblem,
  loginAdmin,
  onboardUser,
  Session,
} from './support/fixtures';
import { jobNames as jobNamesIn } from './support/jobs';
import { waitForNotification } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

/** Reminders go out this long before closing; short, so the e2e run sees one without waiting days. */
const REMINDER_SECONDS = 8;

async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
}

const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

describe('consultations: a municipal officer consults migrant communities, from draft to outcome', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let admin: Session;
  let cityId: string;
  let officer: Session;
  let assocAId: string;
  let amira: Session;
  let karim: Session;
  let assocBId: string;
  let olena: Session;
  let csoId: string;
  let lena: Session;
  let outsiderId: string;
  let outsider: Session;

  let consultationId: string;
  const q: Record<'transport' | 'services' | 'safety' | 'ideas', string> = {
    transport: '',
    services: '',
    safety: '',
    ideas: '',
  };

  const http = () => stack.http();
  const status = async (who: Session, id: string) =>
    (await http().get(`/consultations/${id}`).set(bearer(who)).expect(200)).body.status as string;
  const waitStatus = (id: string, want: string, timeoutMs = 30_000) =>
    until(
      () => `consultation ${id} ${want} (logs: ${stack.recentLogs().slice(-6000)})`,
      async () => ((await status(officer, id)) === want ? true : undefined),
      timeoutMs,
    );
  const notificationsAbout = (userId: string, subjectId: string, type?: string) =>
    stack.query<{ type: string; title: string; body: string }>(
      `SELECT type, title, body FROM notifications WHERE user_id = $1 AND subject_id = $2 ${type ? 'AND type = $3' : ''}`,
      type ? [userId, subjectId, type] : [userId, subjectId],
    );

  const draftBody = (extra: Record<string, unknown> = {}) => ({
    organizationId: cityId,
    title: { en: 'Getting around Riverton at night', ar: 'التنقل في ريفرتون ليلاً' },
    description: { en: 'Tell us how public transport and services work for your community.' },
    languages: ['en', 'ar'],
    opensAt: at(3_600_000),
    closesAt: at(7_200_000),
    anonymous: false,
    audience: 'invited',
    invitedOrganizationIds: [assocAId, assocBId, csoId],
    ...extra,
  });

  /** A consultation with one question of each kind, in English and Arabic. */
  async function draftWithQuestions(extra: Record<string, unknown> = {}) {
    const res = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send(draftBody({ description: { en: 'Tell us.', ar: 'أخبرونا.' }, ...extra }))
      .expect(201);
    const id = res.body.id as string;
    const ids: string[] = [];
    for (const question of [
      {
        type: 'single_choice',
        prompt: { en: 'Which transport do you use most?', ar: 'ما وسيلة النقل التي تستخدمها أكثر؟' },
        options: [
          { value: 'bus', label: { en: 'Bus', ar: 'حافلة' } },
          { value: 'tram', label: { en: 'Tram', ar: 'ترام' } },
        ],
        required: true,
      },
      { type: 'scale', prompt: { en: 'How safe do you feel?', ar: 'ما مدى شعورك بالأمان؟' } },
      {
        type: 'text',
        prompt: { en: 'Anything else?', ar: 'أي شيء آخر؟' },
        maxLength: 200,
      },
    ]) {
      ids.push(
        (await http().post(`/consultations/${id}/questions`).set(bearer(officer)).send(question).expect(201))
          .body.id,
      );
    }
    return { id, questions: ids };
  }

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({
      smtp,
      env: { CONSULTATION_REMINDER_SECONDS: String(REMINDER_SECONDS) },
    }).start();
    admin = await loginAdmin(stack);
    cityId = await createOrganization(stack, admin, 'government', 'City of Riverton');
    assocAId = await createOrganization(stack, admin, 'migrant_association', 'Syrian Community Riverton');
    assocBId = await createOrganization(
      stack,
      admin,
      'migrant_association',
      'Ukrainian Association Riverton',
    );
    csoId = await createOrganization(stack, admin, 'civil_society', 'Riverton Legal Aid');
    outsiderId = await createOrganization(stack, admin, 'civil_society', 'Unrelated Sports Club');
    // A plain member, not an org admin: members of the owning organisation manage its consultations.
    officer = await onboardUser(stack, smtp, admin, cityId, 'officer@riverton.test', 'member');
    amira = await onboardUser(stack, smtp, admin, assocAId, 'amira@syrian.test', 'org_admin');
    karim = await onboardUser(stack, smtp, admin, assocAId, 'karim@syrian.test', 'member');
    olena = await onboardUser(stack, smtp, admin, assocBId, 'olena@ukrainian.test', 'org_admin');
    lena = await onboardUser(stack, smtp, admin, csoId, 'lena@legalaid.test', 'org_admin');
    outsider = await onboardUser(stack, smtp, admin, outsiderId, 'bob@sports.test', 'org_admin');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('only members of a government organisation draft its consultations', async () => {
    const notGov = await http()
      .post('/consultations')
      .set(bearer(lena))
      .send({ ...draftBody(), organizationId: csoId, invitedOrganizationIds: [] });
    expectProblem(notGov, 422);
    expect(notGov.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    expectProblem(await http().post('/consultations').set(bearer(lena)).send(draftBody()), 403);
    expectProblem(await http().post('/consultations').set(bearer(admin)).send(draftBody()), 403);
    const bad = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send({ ...draftBody(), languages: ['english'], title: 'plain', audience: 'everyone', colour: 'red' });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['languages', 'title', 'audience', 'colour']),
    );
    const programme = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send(draftBody({ programmeIds: [outsiderId] }));
    expectProblem(programme, 422);
    expect(programme.body.errors[0].field).toBe('programmeIds');
    const dates = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send(draftBody({ closesAt: at(1_000) }));
    expectProblem(dates, 422);
    expect(dates.body.errors[0].field).toBe('closesAt');
  });

  it('the officer drafts in English and Arabic, adds questions, and invitees cannot see the draft', async () => {
    const res = await http().post('/consultations').set(bearer(officer)).send(draftBody()).expect(201);
    consultationId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'draft',
      languages: ['en', 'ar'],
      defaultLanguage: 'en',
      invitedOrganizationIds: expect.arrayContaining([assocAId, assocBId, csoId]),
      anonymous: false,
      audience: 'invited',
    });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect((await auditOf(stack, 'consultation', consultationId))[0]).toMatchObject({
      action: 'create',
      actor_user_id: officer.userId,
    });

    const add = (body: Record<string, unknown>) =>
      http().post(`/consultations/${consultationId}/questions`).set(bearer(officer)).send(body);
    q.transport = (
      await add({
        type: 'single_choice',
        prompt: { en: 'Which transport do you use at night?', ar: 'ما وسيلة النقل التي تستخدمها ليلاً؟' },
        options: [
          { value: 'bus', label: { en: 'Bus', ar: 'حافلة' } },
          { value: 'tram', label: { en: 'Tram', ar: 'ترام' } },
          { value: 'none', label: { en: 'None', ar: 'لا شيء' } },
        ],
        required: true,
      }).expect(201)
    ).body.id;
    q.safety = (
      await add({
        type: 'scale',
        prompt: { en: 'How safe do you feel?', ar: 'ما مدى شعورك بالأمان؟' },
        required: true,
      }).expect(201)
    ).body.id;
    q.ideas = (
      await add({
        type: 'text',
        prompt: { en: 'What should we change?', ar: 'ماذا يجب أن نغير؟' },
        maxLength: 40,
      }).expect(201)
    ).body.id;
    // Added last but placed second.
    const services = await add({
      type: 'multiple_choice',
      prompt: {
        en: 'Which services do you need after 22:00?',
        ar: 'ما الخدمات التي تحتاجها بعد الساعة 22:00؟',
      },
      options: [
        { value: 'health', label: { en: 'Health', ar: 'الصحة' } },
        { value: 'shops', label: { en: 'Shops', ar: 'المتاجر' } },
      ],
      position: 2,
    }).expect(201);
    q.services = services.body.id;
    expect(services.body.position).toBe(2);

    const badQuestion = await add({
      type: 'scale',
      prompt: { en: 'x' },
      options: [{ value: 'a', label: { en: 'A' } }],
    });
    expectProblem(badQuestion, 400);
    expect(badQuestion.body.errors[0].field).toBe('options');
    expectProblem(await add({ type: 'single_choice', prompt: { en: 'Only one?' }, options: [] }), 400);

    const full = await http().get(`/consultations/${consultationId}`).set(bearer(officer)).expect(200);
    expect(full.body.questions.map((x: { id: string }) => x.id)).toEqual([
      q.transport,
      q.services,
      q.safety,
      q.ideas,
    ]);
    expect(full.body.questions.map((x: { position: number }) => x.position)).toEqual([1, 2, 3, 4]);

    for (const who of [amira, olena, lena, outsider]) {
      expectProblem(await http().get(`/consultations/${consultationId}`).set(bearer(who)), 404);
      const list = await http().get('/consultations').set(bearer(who)).expect(200);
      expect(list.body.items).toEqual([]);
    }
    const mine = await http().get('/consultations').set(bearer(officer)).expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(consultationId);
    // Platform admins read everything and change nothing.
    await http().get(`/consultations/${consultationId}`).set(bearer(admin)).expect(200);
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/questions`)
        .set(bearer(admin))
        .send({ type: 'text', prompt: { en: 'x' } }),
      403,
    );
  });

  it('cannot be scheduled while a language lacks a text; edits need If-Match', async () => {
    const early = await http()
      .post(`/consultations/${consultationId}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' });
    expectProblem(early, 422);
    expect(early.body.code).toBe('TRANSLATION_MISSING');
    expect(early.body.errors[0].field).toBe('description.ar');
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/transitions`)
        .set(bearer(officer))
        .send({ to: 'closed' }),
      409,
    );

    const read = await http().get(`/consultations/${consultationId}`).set(bearer(officer)).expect(200);
    const patch = {
      description: {
        en: 'Tell us how public transport and services work for your community at night.',
        ar: 'أخبرونا كيف تعمل وسائل النقل العام والخدمات لمجتمعكم ليلاً.',
      },
    };
    expectProblem(
      await http().patch(`/consultations/${consultationId}`).set(bearer(officer)).send(patch),
      428,
    );
    expectProblem(
      await http()
        .patch(`/consultations/${consultationId}`)
        .set(bearer(officer))
        .set('If-Match', '"999"')
        .send(patch),
      412,
    );
    expectProblem(
      await http()
        .patch(`/consultations/${consultationId}`)
        .set(bearer(amira))
        .set('If-Match', read.headers.etag)
        .send(patch),
      404,
    );
    const ok = await http()
      .patch(`/consultations/${consultationId}`)
      .set(bearer(officer))
      .set('If-Match', read.headers.etag)
      .send(patch)
      .expect(200);
    expect(ok.body.description.ar).toBe(patch.description.ar);
    expect(ok.body.version).toBe(read.body.version + 1);
  });

  it('once scheduled, invitees see it; the real worker opens it on time and every invited member is notified', async () => {
    const read = await http().get(`/consultations/${consultationId}`).set(bearer(officer)).expect(200);
    const opensAt = at(2_500);
    const closesAt = new Date(Date.parse(opensAt) + 18_000).toISOString();
    await http()
      .patch(`/consultations/${consultationId}`)
      .set(bearer(officer))
      .set('If-Match', read.headers.etag)
      .send({ opensAt, closesAt })
      .expect(200);
    // Amira reads Tandem in Arabic (as if she had accepted an Arabic invitation).
    await stack.query(`UPDATE users SET preferred_language = 'ar' WHERE id = $1`, [amira.userId]);
    const scheduled = await http()
      .post(`/consultations/${consultationId}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' })
      .expect(200);
    expect(scheduled.body.status).toBe('scheduled');

    for (const who of [amira, karim, olena, lena]) {
      const seen = await http().get(`/consultations/${consultationId}`).set(bearer(who)).expect(200);
      expect(seen.body.title.ar).toBe('التنقل في ريفرتون ليلاً');
      const list = await http().get('/consultations').set(bearer(who)).expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([consultationId]);
    }
    expectProblem(await http().get(`/consultations/${consultationId}`).set(bearer(outsider)), 404);
    // Invitees see but do not manage: 403.
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/transitions`)
        .set(bearer(amira))
        .send({ to: 'open' }),
      403,
    );
    // Not open yet: answering is a conflict.
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/responses`)
        .set(bearer(amira))
        .send({ answers: [] }),
      409,
    );

    await waitStatus(consultationId, 'open', 20_000);
    const opened = await http().get(`/consultations/${consultationId}`).set(bearer(officer)).expect(200);
    expect(Date.parse(opened.body.openedAt)).toBeGreaterThanOrEqual(Date.parse(opensAt) - 50);

    for (const who of [amira, karim, olena, lena]) {
      const n = await waitForNotification(stack, who, 'consultation.opened', consultationId);
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({
        title: expect.stringContaining(
          who === amira ? 'التنقل في ريفرتون ليلاً' : 'Getting around Riverton at night',
        ),
      });
    }
    expect(await notificationsAbout(officer.userId, consultationId, 'consultation.opened')).toEqual([]);
    expect(await notificationsAbout(outsider.userId, consultationId)).toEqual([]);
    // Opened exactly once.
    const moves = (await auditOf(stack, 'consultation', consultationId)).filter(
      (a) => (a.changes.status as { after?: string } | undefined)?.after === 'open',
    );
    expect(moves).toHaveLength(1);
    expect(moves[0].actor_user_id).toBeNull();
  });

  it('questions and settings are frozen once open (409)', async () => {
    const read = await http().get(`/consultations/${consultationId}`).set(bearer(officer)).expect(200);
    const frozen = [
      await http()
        .post(`/consultations/${consultationId}/questions`)
        .set(bearer(officer))
        .send({ type: 'text', prompt: { en: 'Late?', ar: 'متأخر؟' } }),
      await http()
        .patch(`/consultations/${consultationId}/questions/${q.ideas}`)
        .set(bearer(officer))
        .send({ maxLength: 400 }),
      await http().delete(`/consultations/${consultationId}/questions/${q.ideas}`).set(bearer(officer)),
      await http()
        .patch(`/consultations/${consultationId}`)
        .set(bearer(officer))
        .set('If-Match', read.headers.etag)
        .send({ title: { en: 'New', ar: 'جديد' } }),
    ];
    for (const res of frozen) {
      expectProblem(res, 409);
      expect(res.body.code).toBe('CONSULTATION_FROZEN');
    }
  });

  it('bad answers are 400s naming the question; two organisations answer, one response each', async () => {
    const url = `/consultations/${consultationId}/responses`;
    const good = [
      { questionId: q.transport, value: 'bus' },
      { questionId: q.services, value: ['health', 'shops'] },
      { questionId: q.safety, value: 2 },
      { questionId: q.ideas, value: 'More night buses' },
    ];
    const replace = (questionId: string, value: unknown) =>
      good.map((a) => (a.questionId === questionId ? { questionId, value } : a));
    const cases: [string, unknown[]][] = [
      [q.transport, replace(q.transport, 'bicycle')],
      [q.services, replace(q.services, ['health', 'spa'])],
      [q.safety, replace(q.safety, 6)],
      [q.safety, replace(q.safety, 2.5)],
      [q.safety, good.filter((a) => a.questionId !== q.safety)],
      [q.transport, good.filter((a) => a.questionId !== q.transport)],
      [q.ideas, replace(q.ideas, 'x'.repeat(41))],
    ];
    for (const [questionId, answers] of cases) {
      const res = await http().post(url).set(bearer(amira)).send({ answers });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: `answers.${questionId}` })]);
    }

    const first = await http().post(url).set(bearer(amira)).send({ answers: good }).expect(201);
    expect(first.body).toMatchObject({ organizationId: assocAId, answers: good });
    // One response per organisation: a second POST is a conflict; PUT …/mine replaces it.
    const again = await http().post(url).set(bearer(karim)).send({ answers: good });
    expectProblem(again, 409);
    expect(again.body.code).toBe('RESPONSE_EXISTS');
    const replaced = await http()
      .put(`${url}/mine`)
      .set(bearer(karim))
      .send({ answers: replace(q.safety, 1) })
      .expect(200);
    expect(replaced.body.answers.find((a: { questionId: string }) => a.questionId === q.safety).value).toBe(
      1,
    );
    const mine = await http().get(`${url}/mine`).set(bearer(amira)).expect(200);
    expect(mine.body.answers).toEqual(replace(q.safety, 1));

    await http()
      .put(`${url}/mine`)
      .set(bearer(olena))
      .send({
        answers: [
          { questionId: q.transport, value: 'tram' },
          { questionId: q.services, value: ['health'] },
          { questionId: q.safety, value: 4 },
          { questionId: q.ideas, value: 'Lighting at stops' },
        ],
      })
      .expect(201);
    expectProblem(await http().get(`${url}/mine`).set(bearer(lena)), 404);
    // The owner does not answer its own consultation; outsiders do not see it at all.
    expectProblem(await http().post(url).set(bearer(officer)).send({ answers: good }), 403);
    expectProblem(await http().post(url).set(bearer(outsider)).send({ answers: good }), 404);
    // Invitees see results only once the outcome is published.
    expectProblem(await http().get(`/consultations/${consultationId}/results`).set(bearer(amira)), 403);
  });

  it('the organisation that has not answered is reminded before it closes; the others are not', async () => {
    const reminded = await waitForNotification(
      stack,
      lena,
      'consultation.closing_soon',
      consultationId,
      20_000,
    );
    expect(reminded).toHaveLength(1);
    for (const who of [amira, karim, olena, officer])
      expect(await notificationsAbout(who.userId, consultationId, 'consultation.closing_soon')).toEqual([]);
  });

  it('closes on time; late answers are 409; the officer reads results and the CSV', async () => {
    await waitStatus(consultationId, 'closed', 30_000);
    const late = await http()
      .put(`/consultations/${consultationId}/responses/mine`)
      .set(bearer(lena))
      .send({
        answers: [
          { questionId: q.transport, value: 'bus' },
          { questionId: q.safety, value: 3 },
        ],
      });
    expectProblem(late, 409);
    expect(late.body.code).toBe('CONSULTATION_NOT_OPEN');
    await waitForNotification(stack, officer, 'consultation.closed', consultationId);

    const r = await http().get(`/consultations/${consultationId}/results`).set(bearer(officer)).expect(200);
    expect(r.body).toMatchObject({
      status: 'closed',
      anonymous: false,
      responseCount: 2,
      participation: {
        invitedCount: 3,
        respondedInvitedCount: 2,
        responseRate: 66.7,
        byKind: [{ kind: 'migrant_association', count: 2 }],
      },
    });
    expect(
      r.body.participation.respondents.map((x: { organizationId: string }) => x.organizationId).sort(),
    ).toEqual([assocAId, assocBId].sort());
    const byId = Object.fromEntries(r.body.questions.map((x: { questionId: string }) => [x.questionId, x]));
    expect(byId[q.transport].options).toEqual([
      expect.objectContaining({ value: 'bus', count: 1, percentage: 50 }),
      expect.objectContaining({ value: 'tram', count: 1, percentage: 50 }),
      expect.objectContaining({ value: 'none', count: 0, percentage: 0 }),
    ]);
    expect(byId[q.services].options).toEqual([
      expect.objectContaining({ value: 'health', count: 2, percentage: 100 }),
      expect.objectContaining({ value: 'shops', count: 1, percentage: 50 }),
    ]);
    expect(byId[q.safety]).toMatchObject({ answered: 2, average: 2.5 });
    expect(byId[q.safety].distribution).toEqual([
      { value: 1, count: 1, percentage: 50 },
      { value: 2, count: 0, percentage: 0 },
      { value: 3, count: 0, percentage: 0 },
      { value: 4, count: 1, percentage: 50 },
      { value: 5, count: 0, percentage: 0 },
    ]);
    expect(byId[q.ideas].answers).toEqual(
      expect.arrayContaining([
        { text: 'More night buses', organizationId: assocAId, organizationName: 'Syrian Community Riverton' },
        {
          text: 'Lighting at stops',
          organizationId: assocBId,
          organizationName: 'Ukrainian Association Riverton',
        },
      ]),
    );

    const csv = await http()
      .get(`/consultations/${consultationId}/results.csv`)
      .set(bearer(officer))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('organization_name');
    expect(lines[0]).toContain('Q1: Which transport do you use at night?');
    expect(lines.slice(1).join('\n')).toContain('Syrian Community Riverton');
    expect(lines.slice(1).join('\n')).toContain('Health; Shops');

    for (const path of ['/results', '/results.csv'])
      expectProblem(await http().get(`/consultations/${consultationId}${path}`).set(bearer(amira)), 403);
  });

  it('publishes the outcome; every organisation that took part is notified, and invitees read the results', async () => {
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/outcome`)
        .set(bearer(officer))
        .send({ summary: 'x', decisions: [{ text: 'y', questionIds: [outsiderId] }] }),
      400,
    );
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/outcome`)
        .set(bearer(amira))
        .send({ summary: 'x', decisions: [] }),
      403,
    );
    const published = await http()
      .post(`/consultations/${consultationId}/outcome`)
      .set(bearer(officer))
      .send({
        summary: {
          en: 'You said night transport is the main gap; we are adding night buses.',
          ar: 'قلتم إن النقل الليلي هو النقص الرئيسي؛ سنضيف حافلات ليلية.',
        },
        decisions: [{ text: 'Night buses on line 7 from September', questionIds: [q.transport, q.safety] }],
      })
      .expect(201);
    expect(published.body).toMatchObject({
      status: 'outcome_published',
      outcome: {
        decisions: [
          { text: { en: 'Night buses on line 7 from September' }, questionIds: [q.transport, q.safety] },
        ],
      },
    });
    for (const who of [amira, karim, olena]) {
      const n = await waitForNotification(stack, who, 'consultation.outcome_published', consultationId);
      expect(n).toHaveLength(1);
      // In each reader's language when the consultation offers it.
      expect((n[0] as unknown as { body: string }).body).toContain(
        who === amira ? 'سنضيف حافلات ليلية' : 'we are adding night buses',
      );
    }
    expect(await notificationsAbout(lena.userId, consultationId, 'consultation.outcome_published')).toEqual(
      [],
    );
    const seen = await http().get(`/consultations/${consultationId}`).set(bearer(olena)).expect(200);
    expect(seen.body.outcome.summary.ar).toContain('حافلات ليلية');
    await http().get(`/consultations/${consultationId}/results`).set(bearer(amira)).expect(200);
    await http().get(`/consultations/${consultationId}/results.csv`).set(bearer(lena)).expect(200);
    expectProblem(
      await http()
        .post(`/consultations/${consultationId}/outcome`)
        .set(bearer(officer))
        .send({ summary: 'again', decisions: [] }),
      409,
    );
  });

  // An uninvited organisation cannot tell the consultation exists, whatever it asks.
  const base = () => `/consultations/${consultationId}`;
  const uninvitedRequests = {
    'read it': () => http().get(base()),
    'edit it': () => http().patch(base()).set('If-Match', '"1"').send({ anonymous: true }),
    'move it': () => http().post(`${base()}/transitions`).send({ to: 'cancelled' }),
    'list its questions': () => http().get(`${base()}/questions`),
    'add a question': () =>
      http()
        .post(`${base()}/questions`)
        .send({ type: 'text', prompt: { en: 'x' } }),
    'edit a question': () => http().patch(`${base()}/questions/${q.ideas}`).send({ required: true }),
    'delete a question': () => http().delete(`${base()}/questions/${q.ideas}`),
    'answer it': () => http().post(`${base()}/responses`).send({ answers: [] }),
    'replace its answer': () => http().put(`${base()}/responses/mine`).send({ answers: [] }),
    'read its answer': () => http().get(`${base()}/responses/mine`),
    'read the results': () => http().get(`${base()}/results`),
    'export the results': () => http().get(`${base()}/results.csv`),
    'publish the outcome': () => http().post(`${base()}/outcome`).send({ summary: 'x', decisions: [] }),
  };
  it.each(Object.keys(uninvitedRequests) as (keyof typeof uninvitedRequests)[])(
    'an uninvited organisation: %s → 404',
    async (request) => {
      expectProblem(await uninvitedRequests[request]().set(bearer(outsider)), 404);
    },
  );

  it('an uninvited organisation lists no consultation', async () => {
    const list = await http().get('/consultations').set(bearer(outsider)).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('anonymous: no result, export, notification or audit row pairs an organisation with an answer', async () => {
    const { id, questions } = await draftWithQuestions({
      anonymous: true,
      opensAt: at(1_500),
      closesAt: at(3_600_000),
    });
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' })
      .expect(200);
    await waitStatus(id, 'open', 20_000);
    const [transport, safety, text] = questions;
    await http()
      .put(`/consultations/${id}/responses/mine`)
      .set(bearer(amira))
      .send({
        answers: [
          { questionId: transport, value: 'bus' },
          { questionId: safety, value: 5 },
          { questionId: text, value: 'Zebra crossings near the mosque' },
        ],
      })
      .expect(201);
    await http()
      .put(`/consultations/${id}/responses/mine`)
      .set(bearer(lena))
      .send({
        answers: [
          { questionId: transport, value: 'tram' },
          { questionId: text, value: 'Advice desk open later' },
        ],
      })
      .expect(201);
    // Each organisation still sees its own answers.
    const own = await http().get(`/consultations/${id}/responses/mine`).set(bearer(karim)).expect(200);
    expect(own.body.answers[0]).toEqual({ questionId: transport, value: 'bus' });
    // While open only the closing date may change.
    const open = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
    expectProblem(
      await http()
        .patch(`/consultations/${id}`)
        .set(bearer(officer))
        .set('If-Match', open.headers.etag)
        .send({ closesAt: at(7_200_000), anonymous: false }),
      409,
    );
    const extended = await http()
      .patch(`/consultations/${id}`)
      .set(bearer(officer))
      .set('If-Match', open.headers.etag)
      .send({ closesAt: at(7_200_000) })
      .expect(200);
    expect(extended.body).toMatchObject({ status: 'open', anonymous: true });
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'closed' })
      .expect(200);
    await http()
      .post(`/consultations/${id}/outcome`)
      .set(bearer(officer))
      .send({
        summary: 'We are adding crossings.',
        decisions: [{ text: 'Two new crossings', questionIds: [text] }],
      })
      .expect(201);
    await waitForNotification(stack, amira, 'consultation.outcome_published', id);
    await waitForNotification(stack, lena, 'consultation.outcome_published', id);
    await waitForNotification(stack, officer, 'consultation.closed', id);

    const secrets = [
      assocAId,
      csoId,
      amira.userId,
      karim.userId,
      lena.userId,
      'Syrian Community Riverton',
      'Riverton Legal Aid',
      'amira',
      'lena',
    ];
    const revealsNothing = (what: string, text: string) => {
      for (const s of secrets)
        expect({ what, leaks: text.includes(s) ? s : null }).toEqual({ what, leaks: null });
    };

    const results = await http().get(`/consultations/${id}/results`).set(bearer(officer)).expect(200);
    // Two answers under the threshold of 3: every breakdown cell is suppressed, no free text released.
    expect(results.body).toMatchObject({
      anonymous: true,
      anonymityThreshold: 3,
      sealed: false,
      responseCount: 2,
      participation: {
        invitedCount: 3,
        respondedInvitedCount: 2,
        byKind: [
          { kind: 'civil_society', count: 'suppressed' },
          { kind: 'migrant_association', count: 'suppressed' },
        ],
      },
    });
    expect(results.body.participation.respondents).toBeUndefined();
    const textResult = results.body.questions.find((x: { questionId: string }) => x.questionId === text);
    expect(textResult).toMatchObject({ answers: [], textsWithheld: true });
    expect(JSON.stringify(results.body)).not.toContain('Zebra');
    revealsNothing('results (officer)', JSON.stringify(results.body));
    revealsNothing(
      'results (invitee)',
      JSON.stringify((await http().get(`/consultations/${id}/results`).set(bearer(olena)).expect(200)).body),
    );

    const csv = await http().get(`/consultations/${id}/results.csv`).set(bearer(officer)).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Aggregates only (never a row per response), through the same suppression.
    expect(lines[0]).toBe('question,answer,organisations,percentage');
    expect(lines).toContain('(responses),,2,');
    expect(csv.text).not.toContain('Zebra');
    revealsNothing('csv', csv.text);

    for (const who of [officer, amira, karim, olena, lena]) {
      const items = (await http().get('/notifications').query({ limit: 100 }).set(bearer(who)).expect(200))
        .body.items as { subjectId: string; type: string; title: string; body: string }[];
      const about = items.filter((n) => n.subjectId === id);
      expect(about.length).toBeGreaterThan(0);
      // What each reader is told (their own user id aside, which every notification of theirs carries).
      revealsNothing(
        `notifications of ${who.email}`,
        JSON.stringify(about.map(({ type, title, body }) => ({ type, title, body }))),
      );
    }

    // The audit rows name the consultation only: not the response, its organisation or its author.
    const responseIds = (
      await stack.query<{ id: string }>(`SELECT id FROM consultation_responses WHERE consultation_id = $1`, [
        id,
      ])
    ).map((r) => r.id);
    expect(
      await stack.query(`SELECT 1 FROM audit_events WHERE entity_id = ANY($1::text[])`, [responseIds]),
    ).toEqual([]);
    const responseAudit = await stack.query<{ actor_user_id: string | null; changes: unknown }>(
      `SELECT a.actor_user_id, a.changes FROM audit_events a
        WHERE a.entity_type = 'consultation' AND a.entity_id = $1 AND a.changes ? 'anonymousResponse'`,
      [id],
    );
    expect(responseAudit).toHaveLength(2);
    for (const row of responseAudit) {
      expect(row.actor_user_id).toBeNull();
      revealsNothing('audit', JSON.stringify(row.changes));
      expect(JSON.stringify(row.changes)).not.toContain('Zebra');
    }
    const stored = await stack.query<{ submitted_by_user_id: string | null }>(
      `SELECT submitted_by_user_id FROM consultation_responses WHERE consultation_id = $1`,
      [id],
    );
    expect(stored.map((s) => s.submitted_by_user_id)).toEqual([null, null]);
  });

  it('no job per consultation: the sweep opens it at its moved date, reminds before and closes at its moved closing date', async () => {
    const redis = new IORedis(stack.redis.url, { maxRetriesPerRequest: 1 });
    const LEGACY = [
      'consultation.timers',
      'consultation.open',
      'consultation.close',
      'consultation.closing-reminder',
    ];
    /** Redis holds no job for this consultation (delayed or otherwise) and none of the legacy names. */
    const expectNoJobFor = async (id: string) => {
      expect((await redis.zrange('bull:reminders:delayed', 0, -1)).filter((j) => j.includes(id))).toEqual([]);
      expect((await jobNamesIn(redis)).filter((n) => LEGACY.includes(n))).toEqual([]);
    };
    try {
      const { id } = await draftWithQuestions({ opensAt: at(3_600_000), closesAt: at(7_200_000) });
      await http()
        .post(`/consultations/${id}/transitions`)
        .set(bearer(officer))
        .send({ to: 'scheduled' })
        .expect(200);
      await expectNoJobFor(id);

      // Brought forward from an hour away to 2 s away: the sweep reads the new date from the row.
      const read = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
      const opensAt = at(2_000);
      await http()
        .patch(`/consultations/${id}`)
        .set(bearer(officer))
        .set('If-Match', read.headers.etag)
        .send({ opensAt })
        .expect(200);
      await expectNoJobFor(id);
      await waitStatus(id, 'open', 15_000);
      const opened = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
      expect(Date.parse(opened.body.openedAt)).toBeGreaterThanOrEqual(Date.parse(opensAt) - 50);
      expect(await waitForNotification(stack, lena, 'consultation.opened', id)).toHaveLength(1);
      // Two hours to closing, reminders REMINDER_SECONDS before: nothing yet.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await notificationsAbout(lena.userId, id, 'consultation.closing_soon')).toEqual([]);

      // The closing date brought forward: the reminder and the closing follow it.
      const closesAt = at(REMINDER_SECONDS * 1000 + 5_000);
      await http()
        .patch(`/consultations/${id}`)
        .set(bearer(officer))
        .set('If-Match', opened.headers.etag)
        .send({ closesAt })
        .expect(200);
      await expectNoJobFor(id);
      expect(await waitForNotification(stack, lena, 'consultation.closing_soon', id, 20_000)).toHaveLength(1);
      expect(await status(officer, id)).toBe('open');
      const keys = await stack.query<{ dedupe_key: string }>(
        `SELECT DISTINCT dedupe_key FROM notifications WHERE subject_id = $1 AND type = 'consultation.closing_soon'`,
        [id],
      );
      expect(keys).toEqual([{ dedupe_key: `consultation-reminder.${id}.${Date.parse(closesAt)}` }]);
      await waitStatus(id, 'closed', 20_000);
      const closed = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
      expect(Date.parse(closed.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(closesAt) - 50);
      await waitForNotification(stack, officer, 'consultation.closed', id);
      await expectNoJobFor(id);
      // Each move once, by the worker; one reminder per invited member.
      const moves = (await auditOf(stack, 'consultation', id))
        .map((a) => [(a.changes.status as { after?: string } | undefined)?.after, a.actor_user_id])
        .filter(([to]) => to === 'open' || to === 'closed');
      expect(moves).toEqual([
        ['open', null],
        ['closed', null],
      ]);
      await new Promise((r) => setTimeout(r, 1_500));
      for (const who of [amira, karim, olena, lena])
        expect(await notificationsAbout(who.userId, id, 'consultation.closing_soon')).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });

  it('moving the opening date is honoured: the old date does nothing, no timer event; cancelling tells the invitees', async () => {
    const { id } = await draftWithQuestions({ opensAt: at(2_000), closesAt: at(3_600_000) });
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' })
      .expect(200);
    const read = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
    await http()
      .patch(`/consultations/${id}`)
      .set(bearer(officer))
      .set('If-Match', read.headers.etag)
      .send({ opensAt: at(1_800_000) })
      .expect(200);
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await status(officer, id)).toBe('scheduled');
    const jobs = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'consultation.timers' AND payload->>'consultationId' = $1`,
      [id],
    );
    // Dates are read from the row by the timer sweep: nothing is published to schedule them.
    expect(jobs[0].n).toBe(0);

    // A scheduled consultation must stay complete: removing a translation is refused.
    const again = await http().get(`/consultations/${id}`).set(bearer(officer)).expect(200);
    const incomplete = await http()
      .patch(`/consultations/${id}`)
      .set(bearer(officer))
      .set('If-Match', again.headers.etag)
      .send({ title: { en: 'English only' } });
    expectProblem(incomplete, 422);
    expect(incomplete.body.errors[0].field).toBe('title.ar');

    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'cancelled' })
      .expect(200);
    await waitForNotification(stack, olena, 'consultation.cancelled', id);
    const illegal = await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'open' });
    expectProblem(illegal, 409);
    expect(illegal.body.code).toBe('CONSULTATION_TRANSITION_NOT_ALLOWED');
  });

  it('all_organizations: any organisation sees it once scheduled and may answer', async () => {
    const { id, questions } = await draftWithQuestions({
      audience: 'all_organizations',
      invitedOrganizationIds: [],
      opensAt: at(3_600_000),
      closesAt: at(7_200_000),
    });
    expectProblem(await http().get(`/consultations/${id}`).set(bearer(outsider)), 404);
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' })
      .expect(200);
    await http().get(`/consultations/${id}`).set(bearer(outsider)).expect(200);
    // The officer may open it ahead of its date.
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'open' })
      .expect(200);
    await waitForNotification(stack, outsider, 'consultation.opened', id);
    await http()
      .post(`/consultations/${id}/responses`)
      .set(bearer(outsider))
      .send({ answers: [{ questionId: questions[0], value: 'bus' }] })
      .expect(201);
    const r = await http().get(`/consultations/${id}/results`).set(bearer(officer)).expect(200);
    expect(r.body.participation).toMatchObject({
      invitedCount: 0,
      responseRate: null,
      byKind: [{ kind: 'civil_society', count: 1 }],
    });
  });

  describe('meetings', () => {
    const DAY = 86_400_000;
    let meetingsConsultationId: string;
    let meetingId: string;
    let movedId: string;
    let startsAt: string;

    it('the officer schedules meetings; invitees RSVP up to capacity, then onto a waiting list that moves up', async () => {
      meetingsConsultationId = (await draftWithQuestions({ opensAt: at(3_600_000), closesAt: at(7_200_000) }))
        .id;
      const base = `/consultations/${meetingsConsultationId}/meetings`;
      await http()
        .post(`/consultations/${meetingsConsultationId}/transitions`)
        .set(bearer(officer))
        .send({ to: 'scheduled' })
        .expect(200);
      // The reminder goes out a day before: starting a day and 8 s from now, it fires 8 s from now.
      startsAt = at(DAY + 8_000);
      const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
      const body = {
        title: 'Community evening at the library',
        type: 'hybrid',
        startsAt,
        endsAt,
        location: 'Riverton Library, Main Street 1',
        onlineUrl: 'https://meet.example.org/riverton-night',
        capacity: 1,
      };
      const bad = await http()
        .post(base)
        .set(bearer(officer))
        .send({ ...body, onlineUrl: undefined });
      expectProblem(bad, 400);
      expect(bad.body.errors[0].field).toBe('onlineUrl');
      // A week date is ISO 8601 but names no instant anyone can store: 400 on the field, not a 500.
      const weekDate = await http()
        .post(base)
        .set(bearer(officer))
        .send({ ...body, startsAt: '2027-W05-3' });
      expectProblem(weekDate, 400);
      expect(weekDate.body.errors).toEqual([
        { field: 'startsAt', message: 'startsAt must be an ISO 8601 date-time' },
      ]);
      expectProblem(await http().post(base).set(bearer(amira)).send(body), 403);
      expectProblem(await http().post(base).set(bearer(outsider)).send(body), 404);
      const created = await http().post(base).set(bearer(officer)).send(body).expect(201);
      meetingId = created.body.id;
      expect(created.body).toMatchObject({
        status: 'scheduled',
        capacity: 1,
        seatsLeft: 1,
        attendingCount: 0,
      });
      // A second meeting, moved a few seconds later: its first reminder must come to nothing.
      movedId = (
        await http()
          .post(base)
          .set(bearer(officer))
          .send({
            ...body,
            title: 'Online Q&A',
            type: 'online',
            location: undefined,
            capacity: undefined,
            startsAt: at(DAY + 4_000),
          })
          .expect(201)
      ).body.id;

      const rsvp = (who: Session, id: string, attending: boolean) =>
        http().post(`${base}/${id}/rsvp`).set(bearer(who)).send({ attending });
      expect((await rsvp(amira, meetingId, true).expect(200)).body.myRsvp).toMatchObject({
        status: 'attending',
      });
      expect((await rsvp(olena, meetingId, true).expect(200)).body.myRsvp).toEqual({
        status: 'waitlisted',
        waitlistPosition: 1,
        attended: null,
      });
      expect((await rsvp(lena, meetingId, true).expect(200)).body.myRsvp).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });
      expectProblem(await rsvp(officer, meetingId, true), 403);
      expectProblem(await rsvp(outsider, meetingId, true), 404);
      await rsvp(karim, movedId, true).expect(200);
      const read = await http().get(`${base}/${movedId}`).set(bearer(officer)).expect(200);
      await http()
        .patch(`${base}/${movedId}`)
        .set(bearer(officer))
        .set('If-Match', read.headers.etag)
        .send({ startsAt: at(3 * DAY), endsAt: at(3 * DAY + 3_600_000) })
        .expect(200);

      // Amira frees her seat: Olena moves up and is told; Lena is now first in line.
      const freed = await rsvp(amira, meetingId, false).expect(200);
      expect(freed.body).toMatchObject({
        attendingCount: 1,
        waitlistCount: 1,
        myRsvp: { status: 'declined' },
      });
      const promoted = await waitForNotification(
        stack,
        olena,
        'consultation.meeting_seat_available',
        meetingId,
      );
      expect(promoted).toHaveLength(1);
      const lenaView = await http().get(`${base}/${meetingId}`).set(bearer(lena)).expect(200);
      expect(lenaView.body.myRsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(lenaView.body.rsvps).toBeUndefined();
      const officerView = await http().get(`${base}/${meetingId}`).set(bearer(officer)).expect(200);
      expect(
        officerView.body.rsvps.map((r: { userId: string; status: string }) => [r.userId, r.status]),
      ).toEqual([
        [amira.userId, 'declined'],
        [olena.userId, 'attending'],
        [lena.userId, 'waitlisted'],
      ]);
      await waitForNotification(stack, karim, 'consultation.meeting_changed', movedId);
    });

    it("attendees are reminded the day before; a moved meeting's old reminder does nothing", async () => {
      const reminded = await waitForNotification(
        stack,
        olena,
        'consultation.meeting_reminder',
        meetingId,
        20_000,
      );
      expect(reminded).toHaveLength(1);
      for (const who of [amira, lena, karim])
        expect(await notificationsAbout(who.userId, meetingId, 'consultation.meeting_reminder')).toEqual([]);
      // The moved meeting's first reminder was due 4 s after it was created; it is long past.
      expect(await notificationsAbout(karim.userId, movedId, 'consultation.meeting_reminder')).toEqual([]);
    });

    it('serves an iCalendar file a real parser reads; invitees only', async () => {
      const base = `/consultations/${meetingsConsultationId}/meetings`;
      const res = await http().get(`${base}/${meetingId}/calendar.ics`).set(bearer(lena)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const parsed = ical.sync.parseICS(res.text);
      const events = Object.values(parsed).filter((x) => x?.type === 'VEVENT') as ical.VEvent[];
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.uid).toBe(`${meetingId}@tandem`);
      expect(event.summary).toBe('Community evening at the library');
      // iCalendar times are to the second.
      expect(new Date(event.start).getTime()).toBe(Math.floor(Date.parse(startsAt) / 1000) * 1000);
      expect(event.location).toBe('Riverton Library, Main Street 1');
      expectProblem(await http().get(`${base}/${meetingId}/calendar.ics`).set(bearer(outsider)), 404);

      // Cancelling tells those who answered; the calendar says so; nobody RSVPs any more.
      await http().post(`${base}/${movedId}/cancel`).set(bearer(officer)).expect(200);
      await waitForNotification(stack, karim, 'consultation.meeting_cancelled', movedId);
      const cancelled = ical.sync.parseICS(
        (await http().get(`${base}/${movedId}/calendar.ics`).set(bearer(karim)).expect(200)).text,
      );
      const cancelledEvent = Object.values(cancelled).find((x) => x?.type === 'VEVENT') as ical.VEvent;
      expect(cancelledEvent.status).toBe('CANCELLED');
      expect(Number(cancelledEvent.sequence)).toBeGreaterThan(1);
      const late = await http().post(`${base}/${movedId}/rsvp`).set(bearer(amira)).send({ attending: true });
      expectProblem(late, 409);
      expect(late.body.code).toBe('MEETING_NOT_AVAILABLE');
    });

    it('the officer records attendance, walk-ins from invited organisations included', async () => {
      const url = `/consultations/${meetingsConsultationId}/meetings/${meetingId}/attendance`;
      const outsiderCame = await http()
        .put(url)
        .set(bearer(officer))
        .send({ attendees: [{ userId: outsider.userId, attended: true }] });
      expectProblem(outsiderCame, 400);
      expect(outsiderCame.body.errors[0].field).toBe('attendees[0].userId');
      expectProblem(
        await http()
          .put(url)
          .set(bearer(olena))
          .send({ attendees: [{ userId: olena.userId, attended: true }] }),
        403,
      );
      const recorded = await http()
        .put(url)
        .set(bearer(officer))
        .send({
          attendees: [
            { userId: olena.userId, attended: true },
            { userId: lena.userId, attended: false },
            { userId: karim.userId, attended: true },
          ],
        })
        .expect(200);
      const byUser = Object.fromEntries(
        recorded.body.rsvps.map((r: { userId: string; attended: boolean | null }) => [r.userId, r.attended]),
      );
      expect(byUser).toEqual({
        [amira.userId]: null,
        [olena.userId]: true,
        [lena.userId]: false,
        [karim.userId]: true,
      });
    });
  });
});
