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

const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

/**
 * What the console's consultation screens need: questions edited and reordered before opening (409
 * after), the respondent's own answer, no meeting sign-up once closed, results CSV with choice labels
 * in the chosen language.
 */
describe('consultations for the console: question order, own answer, closed states, CSV labels', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let officer: Session;
  let member: Session;
  let outsider: Session;
  let cityId: string;
  let assocId: string;
  let id: string;
  let q: { transport: string; safety: string; ideas: string };
  const http = () => stack.http();

  const order = async () =>
    (
      (await http().get(`/consultations/${id}/questions`).set(bearer(officer)).expect(200)).body as {
        id: string;
      }[]
    ).map((x) => x.id);

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    const admin = await loginAdmin(stack);
    cityId = await createOrganization(stack, admin, 'government', 'City of Lakeside');
    assocId = await createOrganization(stack, admin, 'migrant_association', 'Eritrean Community Lakeside');
    const otherCity = await createOrganization(stack, admin, 'government', 'City of Elsewhere');
    officer = await onboardUser(stack, smtp, admin, cityId, 'officer@lakeside.test', 'member');
    member = await onboardUser(stack, smtp, admin, assocId, 'selam@eritrean.test', 'member');
    outsider = await onboardUser(stack, smtp, admin, otherCity, 'officer@elsewhere.test', 'member');
    id = (
      await http()
        .post('/consultations')
        .set(bearer(officer))
        .send({
          organizationId: cityId,
          title: { en: 'Evening classes', ar: 'الدروس المسائية' },
          description: { en: 'When should language classes run?', ar: 'متى يجب أن تقام دروس اللغة؟' },
          languages: ['en', 'ar'],
          opensAt: at(3_600_000),
          closesAt: at(7_200_000),
          anonymous: false,
          audience: 'invited',
          invitedOrganizationIds: [assocId],
        })
        .expect(201)
    ).body.id;
    const add = async (body: Record<string, unknown>) =>
      (await http().post(`/consultations/${id}/questions`).set(bearer(officer)).send(body).expect(201)).body
        .id as string;
    q = {
      transport: await add({
        type: 'single_choice',
        prompt: { en: 'How do you get there?', ar: 'كيف تصل إلى هناك؟' },
        options: [
          { value: 'option_1', label: { en: 'Bus', ar: 'حافلة' } },
          { value: 'option_2', label: { en: 'On foot', ar: 'سيرًا على الأقدام' } },
        ],
        required: true,
      }),
      safety: await add({
        type: 'scale',
        prompt: { en: 'How convenient is 7 pm?', ar: 'ما مدى ملاءمة الساعة 7 مساءً؟' },
      }),
      ideas: await add({ type: 'text', prompt: { en: 'Anything else?', ar: 'أي شيء آخر؟' } }),
    };
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('the officer edits a question and puts the questions in a new order, audited', async () => {
    const edited = await http()
      .patch(`/consultations/${id}/questions/${q.transport}`)
      .set(bearer(officer))
      .send({ prompt: { en: 'How would you get there?', ar: 'كيف ستصل إلى هناك؟' } })
      .expect(200);
    expect(edited.body.prompt.en).toBe('How would you get there?');
    const wanted = [q.ideas, q.transport, q.safety];
    const res = await http()
      .put(`/consultations/${id}/questions/order`)
      .set(bearer(officer))
      .send({ questionIds: wanted })
      .expect(200);
    expect(res.body.map((x: { id: string; position: number }) => [x.id, x.position])).toEqual([
      [q.ideas, 1],
      [q.transport, 2],
      [q.safety, 3],
    ]);
    expect(await order()).toEqual(wanted);
    const trail = await auditOf(stack, 'consultation', id);
    expect(JSON.stringify(trail[trail.length - 1].changes)).toContain(q.ideas);
  });

  it('a bad order is a 400 naming questionIds; invitees 403, outsiders 404; nothing moves', async () => {
    const before = await order();
    for (const questionIds of [[q.ideas, q.transport], [q.ideas, q.ideas, q.safety], ['nope'], []]) {
      const bad = await http()
        .put(`/consultations/${id}/questions/order`)
        .set(bearer(officer))
        .send({ questionIds });
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('questionIds');
    }
    const body = { questionIds: [...before].reverse() };
    expect([403, 404]).toContain(
      (await http().put(`/consultations/${id}/questions/order`).set(bearer(member)).send(body)).status,
    );
    expectProblem(
      await http().put(`/consultations/${id}/questions/order`).set(bearer(outsider)).send(body),
      404,
    );
    expect(await order()).toEqual(before);
  });

  it('once open, questions are frozen (409); the respondent reads back her own answer', async () => {
    for (const to of ['scheduled', 'open'])
      await http().post(`/consultations/${id}/transitions`).set(bearer(officer)).send({ to }).expect(200);
    expectProblem(
      await http()
        .put(`/consultations/${id}/questions/order`)
        .set(bearer(officer))
        .send({ questionIds: [q.transport, q.safety, q.ideas] }),
      409,
    );
    expectProblem(
      await http()
        .patch(`/consultations/${id}/questions/${q.transport}`)
        .set(bearer(officer))
        .send({ prompt: { en: 'Too late', ar: 'متأخر' } }),
      409,
    );
    await http()
      .put(`/consultations/${id}/responses/mine`)
      .set(bearer(member))
      .send({
        answers: [
          { questionId: q.transport, value: 'option_2' },
          { questionId: q.safety, value: 4 },
        ],
      })
      .expect(201);
    const mine = await http().get(`/consultations/${id}/responses/mine`).set(bearer(member)).expect(200);
    expect(mine.body.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: q.transport, value: 'option_2' }),
        expect.objectContaining({ questionId: q.safety, value: 4 }),
      ]),
    );
  });

  it('once closed, meeting sign-up is over (409) but saying one will not come stays possible', async () => {
    const startsAt = at(2 * 86_400_000);
    const meeting = await http()
      .post(`/consultations/${id}/meetings`)
      .set(bearer(officer))
      .send({
        title: 'Open evening',
        type: 'in_person',
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        location: 'Lakeside library',
      })
      .expect(201);
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'closed' })
      .expect(200);
    const late = await http()
      .post(`/consultations/${id}/meetings/${meeting.body.id}/rsvp`)
      .set(bearer(member))
      .send({ attending: true });
    expectProblem(late, 409);
    expect(late.body.code).toBe('MEETING_NOT_AVAILABLE');
    await http()
      .post(`/consultations/${id}/meetings/${meeting.body.id}/rsvp`)
      .set(bearer(member))
      .send({ attending: false })
      .expect(200);
    // Her answer is still hers to read after closing.
    await http().get(`/consultations/${id}/responses/mine`).set(bearer(member)).expect(200);
  });

  it('the CSV writes choices as their labels in the language asked for, never option_1', async () => {
    const csv = async (language?: string) =>
      (
        await http()
          .get(`/consultations/${id}/results.csv`)
          .query(language ? { language } : {})
          .set(bearer(officer))
          .expect(200)
      ).text;
    const en = csvLines(await csv());
    expect(en[0]).toContain('Q2: How would you get there?');
    expect(en[1]).toContain('On foot');
    const ar = csvLines(await csv('ar'));
    expect(ar[0]).toContain('Q2: كيف ستصل إلى هناك؟');
    expect(ar[1]).toContain('سيرًا على الأقدام');
    expect(ar.join('\n')).not.toContain('option_');
    const bad = await http()
      .get(`/consultations/${id}/results.csv`)
      .query({ language: 'fr' })
      .set(bearer(officer));
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['language']);
  });
});
