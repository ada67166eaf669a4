import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createOrganization, loginAdmin, onboardUser, Session } from './support/fixtures';
import { waitForNotification } from './support/programmes';
import { buildReport } from './support/reports';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';
import { WebhookReceiver } from './support/webhook-receiver';

const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

/**
 * The de-anonymisation attack on an anonymous consultation: one invitee per stakeholder kind, and
 * the owner (and the platform admin) reading every path after each answer: results, the CSV,
 * a consultation report, notifications, webhooks, the audit trail. Nothing may change but the
 * response count while it is open; after closing, no cell counts fewer than 3 organisations.
 */
describe('anonymous consultations: nothing pairs an answer with an organisation, at any moment', () => {
  const smtp = new TestSmtpServer();
  const receiver = new WebhookReceiver();
  let stack: TestStack;
  let admin: Session;
  let officer: Session;
  let cityId: string;
  const invitees: { kind: string; orgId: string; name: string; session: Session }[] = [];
  let id: string;
  let questions: { choice: string; scale: string; text: string };

  const http = () => stack.http();

  /** Every way the owner and the platform admin can look at the consultation's answers. */
  async function observe(withReport: boolean) {
    const seen: Record<string, unknown> = {};
    for (const [who, s] of [
      ['officer', officer],
      ['admin', admin],
    ] as const) {
      seen[`results/${who}`] = (
        await http().get(`/consultations/${id}/results`).set(bearer(s)).expect(200)
      ).body;
      seen[`csv/${who}`] = (
        await http().get(`/consultations/${id}/results.csv`).set(bearer(s)).expect(200)
      ).text;
    }
    if (withReport)
      seen.report = JSON.parse(
        (await buildReport(stack, officer, 'consultation', 'json', { consultationId: id })).body.toString(),
      );
    seen.notifications = (
      await http().get('/notifications').query({ limit: 100 }).set(bearer(officer)).expect(200)
    ).body.items
      .filter((n: { subjectId: string }) => n.subjectId === id)
      .map(({ type, title, body }: { type: string; title: string; body: string }) => ({ type, title, body }));
    seen.audit = (
      await http().get('/audit-events').query({ limit: 100, entityId: id }).set(bearer(admin)).expect(200)
    ).body.items.map((e: Record<string, unknown>) => ({
      ...e,
      id: undefined,
      occurredAt: undefined,
      requestId: undefined,
    }));
    seen.webhooks = receiver.received.map((w) => w.body);
    return seen;
  }

  /** What is left when the response count (and the figures derived from it) are taken out. */
  const withoutCount = (seen: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(seen)
        .replace(/"(responseCount|Responses)":\d+/g, '"$1":"N"')
        .replace(/\(responses\),,\d+,/g, '(responses),,N,'),
    );

  /**
   * Who was invited is the owner's own knowledge (the consultation lists them); what must never show
   * is who answered: the answering people, and any change beyond the count after an answer.
   */
  const secretsOf = (i: (typeof invitees)[number]) => [i.session.userId, i.session.email];

  beforeAll(async () => {
    await smtp.start();
    await receiver.start();
    stack = await new TestStack({ smtp, env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } }).start();
    admin = await loginAdmin(stack);
    cityId = await createOrganization(stack, admin, 'government', 'City of Anonville');
    officer = await onboardUser(stack, smtp, admin, cityId, 'officer@anonville.test', 'org_admin');
    for (const [kind, name] of [
      ['migrant_association', 'Eritrean Community Anonville'],
      ['civil_society', 'Anonville Legal Aid'],
      ['employer', 'Anonville Bakeries'],
      ['government', 'Anon County'],
    ] as const) {
      const orgId = await createOrganization(stack, admin, kind, name);
      const session = await onboardUser(
        stack,
        smtp,
        admin,
        orgId,
        `staff@${kind.replace('_', '-')}.test`,
        'org_admin',
      );
      invitees.push({ kind, orgId, name, session });
    }
    const hook = await http()
      .post(`/organizations/${cityId}/webhooks`)
      .set(bearer(officer))
      .send({
        url: receiver.url('/city'),
        eventTypes: ['consultation.opened', 'consultation.closed', 'consultation.outcome_published'],
      });
    expect(hook.status).toBe(201);

    const created = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send({
        organizationId: cityId,
        title: { en: 'Evening services' },
        description: { en: 'Tell us what works in the evening.' },
        languages: ['en'],
        opensAt: at(3_600_000),
        closesAt: at(7_200_000),
        anonymous: true,
        audience: 'invited',
        invitedOrganizationIds: invitees.map((i) => i.orgId),
      })
      .expect(201);
    id = created.body.id;
    expect(created.body.anonymityThreshold).toBe(3);
    const q = async (body: Record<string, unknown>) =>
      (await http().post(`/consultations/${id}/questions`).set(bearer(officer)).send(body).expect(201)).body
        .id as string;
    questions = {
      choice: await q({
        type: 'single_choice',
        prompt: { en: 'Which service matters most?' },
        options: [
          { value: 'library', label: { en: 'Library' } },
          { value: 'clinic', label: { en: 'Clinic' } },
        ],
        required: true,
      }),
      scale: await q({ type: 'scale', prompt: { en: 'How welcome do you feel?' } }),
      text: await q({ type: 'text', prompt: { en: 'Anything else?' }, maxLength: 200 }),
    };
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'scheduled' })
      .expect(200);
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'open' })
      .expect(200);
    await waitForNotification(stack, invitees[0].session, 'consultation.opened', id);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
    await smtp.stop();
  });

  it('the threshold is never below 2', async () => {
    const low = await http()
      .post('/consultations')
      .set(bearer(officer))
      .send({
        organizationId: cityId,
        title: { en: 'x' },
        languages: ['en'],
        opensAt: at(3_600_000),
        closesAt: at(7_200_000),
        anonymous: true,
        anonymityThreshold: 1,
      });
    expect(low.status).toBe(400);
    expect(low.body.errors[0].field).toBe('anonymityThreshold');
  });

  it('while open, every path shows the response count and nothing else, after each answer', async () => {
    const before = await observe(true);
    expect(before['results/officer']).toMatchObject({
      sealed: true,
      responseCount: 0,
      questions: [],
      participation: { byKind: [], respondedInvitedCount: null },
    });
    const answers = [
      { choice: 'library', scale: 5, text: 'Open the library on Sundays' },
      { choice: 'library', scale: 5, text: 'More interpreters at the clinic' },
      { choice: 'clinic', scale: 4, text: 'Childcare during evening classes' },
      { choice: 'library', scale: 2, text: 'A bus stop near the centre' },
    ];
    for (const [n, i] of invitees.entries()) {
      const a = answers[n];
      await http()
        .post(`/consultations/${id}/responses`)
        .set(bearer(i.session))
        .send({
          answers: [
            { questionId: questions.choice, value: a.choice },
            { questionId: questions.scale, value: a.scale },
            { questionId: questions.text, value: a.text },
          ],
        })
        .expect(201);
      // The attack: read everything right after this organisation answered.
      const now = await observe(n === 0);
      expect((now['results/officer'] as { responseCount: number }).responseCount).toBe(n + 1);
      const { report: _r, ...comparable } = withoutCount(now);
      const { report: _b, ...baseline } = withoutCount(before);
      void _r;
      void _b;
      // Audit rows grow by one identical, nameless row per answer; everything else is unchanged.
      const audit = comparable.audit as unknown[];
      const answerRows = audit.filter((e) => JSON.stringify(e).includes('anonymousResponse'));
      expect(answerRows).toHaveLength(n + 1);
      expect(new Set(answerRows.map((e) => JSON.stringify(e))).size).toBe(1);
      expect(audit.filter((e) => !answerRows.includes(e))).toEqual(baseline.audit);
      expect({ ...comparable, audit: [] }).toEqual({ ...baseline, audit: [] });
      if (n === 0) expect(withoutCount(now).report.sections).toEqual(withoutCount(before).report.sections);
      const text = JSON.stringify(now);
      for (const secret of invitees.flatMap(secretsOf))
        expect({ after: n, leaks: text.includes(secret) ? secret : null }).toEqual({ after: n, leaks: null });
      for (const t of answers.map((x) => x.text)) expect(text).not.toContain(t);
    }
  }, 240_000);

  it('after closing, every cell under 3 organisations is suppressed and free texts come in text order', async () => {
    await http()
      .post(`/consultations/${id}/transitions`)
      .set(bearer(officer))
      .send({ to: 'closed' })
      .expect(200);
    await waitForNotification(stack, officer, 'consultation.closed', id);
    const seen = await observe(true);
    const r = seen['results/officer'] as {
      sealed: boolean;
      responseCount: number;
      participation: { byKind: { kind: string; count: unknown }[] };
      questions: {
        questionId: string;
        options?: { value: string; count: unknown; percentage: unknown }[];
        distribution?: { value: number; count: unknown }[];
        average?: unknown;
        answers?: { text: string }[];
      }[];
    };
    expect(r.sealed).toBe(false);
    expect(r.responseCount).toBe(4);
    // One organisation of each kind: every kind cell is 1, so every one is suppressed.
    expect(r.participation.byKind.map((k) => k.count)).toEqual([
      'suppressed',
      'suppressed',
      'suppressed',
      'suppressed',
    ]);
    const choice = r.questions.find((q) => q.questionId === questions.choice)!;
    // clinic = 1 (suppressed); library = 3 would give it back as 4 − 3, so it is hidden too.
    expect(choice.options!.map((o) => [o.value, o.count, o.percentage])).toEqual([
      ['library', 'suppressed', null],
      ['clinic', 'suppressed', null],
    ]);
    const scale = r.questions.find((q) => q.questionId === questions.scale)!;
    for (const d of scale.distribution!) expect(d.count === 0 || d.count === 'suppressed').toBe(true);
    expect(scale.average).toBeNull();
    const text = r.questions.find((q) => q.questionId === questions.text)!;
    expect(text.answers).toEqual([
      { text: 'A bus stop near the centre' },
      { text: 'Childcare during evening classes' },
      { text: 'More interpreters at the clinic' },
      { text: 'Open the library on Sundays' },
    ]);
    // No number from 1 to 2 anywhere a count is shown, through any path.
    const all = JSON.stringify(seen);
    expect(all).not.toMatch(/"(count|organizations)":[12][,}]/);
    const csv = seen['csv/officer'] as string;
    // The organisations column (the third) never holds 1 or 2.
    expect(csv.split('\r\n').filter((l) => ['1', '2'].includes(l.split(',')[2]))).toEqual([]);
    expect(csv).toContain('(responses),,4,');
    for (const secret of invitees.flatMap(secretsOf))
      expect({ leaks: all.includes(secret) ? secret : null }).toEqual({ leaks: null });
    // The webhook of the city tells it the consultation closed with its response count, no more.
    const closed = receiver.received.map((w) => w.body).filter((b) => b.includes('consultation.closed'));
    expect(closed.length).toBeGreaterThan(0);
  }, 240_000);
});
