import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { auditOf, bearer, expectProblem, loginAdmin, onboardUser, Session } from './support/fixtures';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const RIVERTON = 'PT-NV-riverton';
const LAKESIDE = 'PT-NV-lakeside';
const EMPLOYMENT = 'eu-zaragoza:employment-rate';
const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Every key any public JSON may carry (issue 20). Walking the whole document against this list is
 * how "no internal field ever appears" is checked: an added field fails here until it is judged
 * public and listed.
 */
const ALLOWED_KEYS = new Set([
  // pages
  'items',
  'nextCursor',
  // consultation summary and view
  'id',
  'title',
  'description',
  'languages',
  'ownerName',
  'territoryCode',
  'opensAt',
  'closesAt',
  'outcomePublishedAt',
  'publicSince',
  'anonymous',
  'closedAt',
  'anonymityThreshold',
  'invited',
  'audience',
  'total',
  'byKind',
  'kind',
  'count',
  'participation',
  'responseCount',
  'questions',
  'position',
  'type',
  'prompt',
  'answered',
  'options',
  'value',
  'label',
  'percentage',
  'average',
  'distribution',
  'answers',
  'text',
  'textsWithheld',
  'freeTextsPublished',
  'outcome',
  'summary',
  'decisions',
  'questionPositions',
  // territory page
  'territory',
  'code',
  'country',
  'parentCode',
  'name',
  'outcomes',
  'goodIdeas',
  'slug',
  'organizationName',
  'city',
  'translations',
  'publishedAt',
  'programmes',
  'dimensions',
  'sdgTargets',
  'gcmObjectives',
  'partnersByKind',
  'profile',
  'convention',
  'indicators',
  'frameworkCode',
  'dimension',
  'unit',
  'direction',
  'trend',
  'period',
  'migrantValue',
  'hostValue',
  'gap',
  'smallSample',
  'source',
  'sourceUrl',
  'change',
  'fromPeriod',
  'toPeriod',
  'favourableChange',
  'narrowing',
]);
/** Keys whose children are keyed by language code (texts per language). */
const BY_LANGUAGE = new Set([
  'title',
  'description',
  'prompt',
  'label',
  'text',
  'summary',
  'name',
  'translations',
]);

function keysOf(value: unknown, path = '$', out: string[] = [], parent = ''): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => keysOf(v, `${path}[${i}]`, out, parent));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const langKey = BY_LANGUAGE.has(parent) && /^[a-z]{2}$/.test(k);
      if (!langKey) out.push(`${path}.${k}`);
      keysOf(v, `${path}.${k}`, out, langKey ? '' : k);
    }
  return out;
}
const unknownKeys = (doc: unknown) =>
  keysOf(doc).filter((p) => !ALLOWED_KEYS.has(p.slice(p.lastIndexOf('.') + 1)));

describe('public city page: outcomes, good ideas, listed programmes and figures, readable by anyone', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let admin: Session;
  let officer: Session; // City of Riverton
  let lakesideOfficer: Session;
  let manager: Session; // lead of the Riverton programmes
  const voices: { orgId: string; name: string; session: Session }[] = [];
  const secrets: string[] = [];
  let cityId: string;
  let leadId: string;
  let anonymousId: string; // public, anonymous
  let namedId: string; // public, named
  let hiddenId: string; // outcome published, not public
  let lakesideId: string; // public, another city
  let choiceQ: string;
  let textQ: string;
  let listedTitle: string;
  let ideaSlug: string;

  const http = () => stack.http();
  const post = (who: Session, path: string, body: object) => http().post(path).set(bearer(who)).send(body);
  const get = (path: string) => http().get(path);

  async function organization(kind: string, name: string, profile: object): Promise<string> {
    const res = await post(admin, '/organizations', {
      kind,
      name,
      country: 'PT',
      city: 'Riverton',
      contactEmail: `contact@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
      profile,
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.id as string;
  }

  /** Public outcome switch: PATCH with the current version (read from the database, whoever asks). */
  async function setPublic(who: Session, id: string, body: object) {
    const [{ version }] = await stack.query<{ version: number }>(
      `SELECT version FROM consultations WHERE id = $1`,
      [id],
    );
    return http().patch(`/consultations/${id}`).set(bearer(who)).set('If-Match', `"${version}"`).send(body);
  }

  async function ok(p: Promise<{ status: number; body: Record<string, unknown> }>) {
    const res = await p;
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res;
  }

  /** A consultation taken through its life to a published outcome. */
  async function consultation(
    owner: Session,
    orgId: string,
    spec: {
      title: Record<string, string>;
      languages: string[];
      anonymous: boolean;
      invite: string[];
      programmeIds?: string[];
      questions?: object[];
      answer?: (questionIds: string[], voice: number) => object[];
      outcome?: boolean;
    },
  ): Promise<{ id: string; questionIds: string[] }> {
    const texts = (s: string) => Object.fromEntries(spec.languages.map((l) => [l, `${s} (${l})`]));
    const created = await post(owner, '/consultations', {
      organizationId: orgId,
      title: spec.title,
      description: texts('Tell us'),
      languages: spec.languages,
      opensAt: at(3_600_000),
      closesAt: at(7_200_000),
      anonymous: spec.anonymous,
      invitedOrganizationIds: spec.invite,
      programmeIds: spec.programmeIds ?? [],
    }).expect(201);
    const id = created.body.id as string;
    const questionIds: string[] = [];
    for (const q of spec.questions ?? [{ type: 'scale', prompt: texts('How welcome do you feel?') }])
      questionIds.push((await post(owner, `/consultations/${id}/questions`, q).expect(201)).body.id);
    for (const to of ['scheduled', 'open'])
      await post(owner, `/consultations/${id}/transitions`, { to }).expect(200);
    if (spec.answer)
      for (const [n, v] of voices.entries())
        await post(v.session, `/consultations/${id}/responses`, {
          answers: spec.answer(questionIds, n),
        }).expect(201);
    await post(owner, `/consultations/${id}/transitions`, { to: 'closed' }).expect(200);
    if (spec.outcome !== false)
      await post(owner, `/consultations/${id}/outcome`, {
        summary: texts('You said evenings are hard; we extend opening hours'),
        decisions: [{ text: texts('Night buses from September'), questionIds: [questionIds[0]] }],
      }).expect(201);
    return { id, questionIds };
  }

  beforeAll(async () => {
    await smtp.start();
    // TRUST_PROXY: the rate-limit test plays clients at other addresses (X-Forwarded-For); the limit is
    // lowered so that one client can reach it in a few seconds (the suite's own requests come from 127.0.0.1).
    stack = await new TestStack({ smtp, env: { TRUST_PROXY: 'loopback', API_RATE_LIMIT: '300' } }).start();
    admin = await loginAdmin(stack);
    for (const [code, name] of [
      ['PT', 'Portugal'],
      ['PT-NV', 'Northvale'],
      [RIVERTON, 'Riverton'],
      [LAKESIDE, 'Lakeside'],
    ])
      await post(admin, '/territories', { code, name }).expect(201);
    cityId = await organization('government', 'City of Riverton', {
      level: 'municipal',
      jurisdiction: 'Riverton',
      territoryCode: RIVERTON,
    });
    const lakesideCityId = await organization('government', 'City of Lakeside', {
      level: 'municipal',
      jurisdiction: 'Lakeside',
      territoryCode: LAKESIDE,
    });
    leadId = await organization('civil_society', 'Riverton Welcome Centre', { services: ['legal_aid'] });
    officer = await onboardUser(stack, smtp, admin, cityId, 'officer@riverton.test', 'org_admin');
    lakesideOfficer = await onboardUser(
      stack,
      smtp,
      admin,
      lakesideCityId,
      'officer@lakeside.test',
      'org_admin',
    );
    manager = await onboardUser(stack, smtp, admin, leadId, 'manager@welcome.test', 'org_admin');
    // Three migrant associations and one employer answer: the employer alone is a cell of one.
    for (const [i, kind] of (
      ['migrant_association', 'migrant_association', 'migrant_association', 'employer'] as const
    ).entries()) {
      const name = `Voice ${i + 1} ${kind.replace('_', ' ')}`;
      const orgId = await organization(
        kind,
        name,
        kind === 'employer' ? { sector: 'C', sizeBand: 'small' } : { communities: ['SY'], languages: ['ar'] },
      );
      const session = await onboardUser(stack, smtp, admin, orgId, `voice${i + 1}@voices.test`, 'org_admin');
      secrets.push(orgId, name, session.userId, session.email);
      voices.push({ orgId, name, session });
    }

    // Programmes in Riverton: one active and listed, one active and not listed, one listed but a draft.
    const programme = async (title: string, dimensions: string[]) => {
      const p = await post(manager, '/programmes', {
        title,
        leadOrganizationId: leadId,
        startDate: '2026-01-01',
        endDate: '2028-12-31',
        country: 'PT',
        city: 'Riverton',
        dimensions,
        sdgTargets: ['10.7'],
        gcmObjectives: [16],
        territoryCode: RIVERTON,
      }).expect(201);
      secrets.push(p.body.id as string);
      return p.body.id as string;
    };
    const listed = await programme('Riverton Night Transport', ['social']);
    listedTitle = 'Riverton Night Transport';
    const unlisted = await programme('Riverton Internal Pilot', ['economic']);
    const draft = await programme('Riverton Draft Idea', ['social']);
    for (const p of [listed, unlisted]) {
      await post(manager, `/programmes/${p}/partners`, { organizationId: cityId, role: 'funder' }).expect(
        201,
      );
      await post(officer, `/programmes/${p}/partners/${cityId}/accept`, {}).expect(200);
      await post(manager, `/programmes/${p}/transitions`, { to: 'active' }).expect(200);
    }
    for (const p of [listed, draft]) {
      const current = await http().get(`/programmes/${p}`).set(bearer(manager)).expect(200);
      await http()
        .patch(`/programmes/${p}`)
        .set(bearer(manager))
        .set('If-Match', current.headers.etag as string)
        .send({ listedPublicly: true })
        .expect(200);
    }
    // A partner that is not the lead cannot list a programme; an outsider cannot see it at all.
    const asPartner = await http().get(`/programmes/${unlisted}`).set(bearer(officer)).expect(200);
    expectProblem(
      await http()
        .patch(`/programmes/${unlisted}`)
        .set(bearer(officer))
        .set('If-Match', asPartner.headers.etag as string)
        .send({ listedPublicly: true }),
      403,
    );
    expectProblem(
      await http()
        .patch(`/programmes/${unlisted}`)
        .set(bearer(lakesideOfficer))
        .set('If-Match', asPartner.headers.etag as string)
        .send({ listedPublicly: true }),
      404,
    );

    // The anonymous consultation: a multiple choice where everyone ticked transport, and free texts.
    const anon = await consultation(officer, cityId, {
      title: { en: 'Evening transport in Riverton', ar: 'النقل المسائي في ريفرتون' },
      languages: ['en', 'ar'],
      anonymous: true,
      invite: voices.map((v) => v.orgId),
      programmeIds: [listed],
      questions: [
        {
          type: 'multiple_choice',
          prompt: { en: 'What is hardest in the evening?', ar: 'ما الأصعب في المساء؟' },
          options: [
            { value: 'transport', label: { en: 'Transport', ar: 'النقل' } },
            { value: 'housing', label: { en: 'Housing', ar: 'السكن' } },
            { value: 'jobs', label: { en: 'Jobs', ar: 'العمل' } },
          ],
        },
        { type: 'text', prompt: { en: 'Anything else?', ar: 'شيء آخر؟' }, maxLength: 200 },
      ],
      answer: ([choice, text], n) => [
        {
          questionId: choice,
          value: [['transport', 'housing'], ['transport'], ['transport', 'jobs'], ['transport']][n],
        },
        {
          questionId: text,
          value: ['A bus at 23:00', 'Lights at the stop', 'Safer walk home', 'Shift buses'][n],
        },
      ],
    });
    anonymousId = anon.id;
    [choiceQ, textQ] = anon.questionIds;
    namedId = (
      await consultation(officer, cityId, {
        title: { en: 'Library opening hours' },
        languages: ['en'],
        anonymous: false,
        invite: [voices[0].orgId],
      })
    ).id;
    hiddenId = (
      await consultation(officer, cityId, {
        title: { en: 'Unpublished budget talk' },
        languages: ['en'],
        anonymous: false,
        invite: [voices[1].orgId],
      })
    ).id;
    lakesideId = (
      await consultation(lakesideOfficer, lakesideCityId, {
        title: { en: 'Lakeside parks' },
        languages: ['en'],
        anonymous: false,
        invite: [voices[2].orgId],
      })
    ).id;
    await ok(setPublic(lakesideOfficer, lakesideId, { publicOutcome: true }));
    await ok(setPublic(officer, namedId, { publicOutcome: true }));

    // Official figures for Riverton, published by the city.
    for (const [period, m, h] of [
      ['2022', 60, 72],
      ['2024', 65, 73],
    ] as const)
      await post(officer, `/territories/${RIVERTON}/observations`, {
        indicatorCode: EMPLOYMENT,
        period,
        migrantValue: m,
        hostValue: h,
        source: `Riverton register ${period}`,
      }).expect(201);

    // One published good idea from Riverton, one draft.
    const idea = async (title: string) =>
      (
        await post(manager, '/good-ideas', {
          organizationId: leadId,
          title,
          summary: 'Buses after evening classes.',
          challenge: 'Evening classes ended after the last bus.',
          approach: 'The city, an employer and associations run a shared shuttle.',
          partners: [{ kind: 'government', role: 'funds the shuttle' }],
          city: 'Riverton',
          country: 'PT',
          dimensions: ['social'],
          themes: ['employment'],
          targetGroups: ['refugees_and_asylum_seekers'],
          languages: ['en'],
        }).expect(201)
      ).body as { id: string; slug: string };
    const published = await idea('The evening shuttle');
    await idea('A draft nobody may see');
    ideaSlug = published.slug;
    await post(manager, `/good-ideas/${published.id}/transitions`, { to: 'submitted' }).expect(200);
    for (const criterion of ['practical', 'innovative', 'successful', 'transferable'])
      await post(admin, `/good-ideas/${published.id}/assessments`, {
        criterion,
        rating: 4,
        rationale: 'Demonstrated in the evaluation.',
      }).expect(200);
    await post(admin, `/good-ideas/${published.id}/transitions`, { to: 'published' }).expect(200);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('only the owner publishes, only once the outcome is published; bad combinations name the field', async () => {
    expectProblem(await get(`/public/consultations/${anonymousId}`), 404);
    // Not the owner: an invitee sees it (403); another city does not (404).
    expectProblem(await setPublic(voices[0].session, anonymousId, { publicOutcome: true }), 403);
    expectProblem(await setPublic(lakesideOfficer, anonymousId, { publicOutcome: true }), 404);
    // Free texts need a public outcome; publication is not mixed with other edits.
    const early = await setPublic(officer, anonymousId, { publicFreeTexts: true });
    expectProblem(early, 409);
    expect(early.body.errors[0].field).toBe('publicFreeTexts');
    const mixed = await setPublic(officer, anonymousId, { publicOutcome: true, title: { en: 'x' } });
    expectProblem(mixed, 400);
    expect(mixed.body.errors[0].field).toBe('title');
    const notBool = await setPublic(officer, anonymousId, { publicOutcome: 'yes' });
    expectProblem(notBool, 400);
    expect(notBool.body.errors[0].field).toBe('publicOutcome');
    // A consultation without a published outcome cannot be made public.
    const open = await consultation(officer, cityId, {
      title: { en: 'Closed, no outcome yet' },
      languages: ['en'],
      anonymous: false,
      invite: [voices[3].orgId],
      outcome: false,
    });
    const tooSoon = await setPublic(officer, open.id, { publicOutcome: true });
    expectProblem(tooSoon, 409);
    expect(tooSoon.body).toMatchObject({
      code: 'OUTCOME_NOT_PUBLISHED',
      errors: [{ field: 'publicOutcome' }],
    });
    expectProblem(await get(`/public/consultations/${open.id}`), 404);

    const made = await ok(setPublic(officer, anonymousId, { publicOutcome: true }));
    expect(made.body).toMatchObject({ publicOutcome: true, publicFreeTexts: false });
    const audit = await auditOf(stack, 'consultation', anonymousId);
    expect(audit[audit.length - 1].changes).toEqual({ publicOutcome: { before: false, after: true } });
  });

  it('an anonymous outcome shows results only at or above the threshold, never an organisation with an answer', async () => {
    const res = await get(`/public/consultations/${anonymousId}`).expect(200);
    const c = res.body;
    expect(c).toMatchObject({
      anonymous: true,
      anonymityThreshold: 3,
      ownerName: 'City of Riverton',
      territoryCode: RIVERTON,
      languages: ['en', 'ar'],
      title: { en: 'Evening transport in Riverton', ar: 'النقل المسائي في ريفرتون' },
      invited: {
        audience: 'invited',
        total: 4,
        byKind: [
          { kind: 'employer', count: 1 },
          { kind: 'migrant_association', count: 3 },
        ],
      },
      freeTextsPublished: false,
    });
    expect(c.participation.responseCount).toBe(4);
    // Employer 1 is under 3; migrant associations 3 would give it back as 4 − 3: both hidden.
    expect(c.participation.byKind.map((k: { count: unknown }) => k.count)).toEqual([
      'suppressed',
      'suppressed',
    ]);
    const choice = c.questions.find((q: { position: number }) => q.position === 1);
    expect(choice.options.map((o: { value: string; count: unknown }) => [o.value, o.count])).toEqual([
      ['transport', 4],
      ['housing', 'suppressed'],
      ['jobs', 'suppressed'],
    ]);
    // Every count shown is at or above the threshold (or zero).
    const counts = JSON.stringify([c.participation, c.questions]).match(/"count":(\d+)/g) ?? [];
    for (const m of counts) expect(Number(m.split(':')[1]) === 0 || Number(m.split(':')[1]) >= 3).toBe(true);
    // Free texts: not published by the owner, so withheld, though four organisations wrote one.
    const text = c.questions.find((q: { position: number }) => q.position === 2);
    expect(text).toMatchObject({ answers: [], textsWithheld: true });
    // Decisions point at the question they answer, in every offered language.
    expect(c.outcome.decisions).toEqual([
      {
        text: { en: 'Night buses from September (en)', ar: 'Night buses from September (ar)' },
        questionPositions: [1],
      },
    ]);
    // Nothing names or identifies an organisation, person, question or programme.
    const body = JSON.stringify(c);
    for (const s of secrets) expect(body).not.toContain(s);
    expect(body).not.toContain(choiceQ);
    expect(unknownKeys(c)).toEqual([]);

    // The owner publishes free texts too: above the threshold, sorted by content, no organisation.
    await ok(setPublic(officer, anonymousId, { publicFreeTexts: true }));
    const withTexts = (await get(`/public/consultations/${anonymousId}`).expect(200)).body;
    expect(withTexts.questions[1].answers).toEqual([
      { text: 'A bus at 23:00' },
      { text: 'Lights at the stop' },
      { text: 'Safer walk home' },
      { text: 'Shift buses' },
    ]);
    expect(unknownKeys(withTexts)).toEqual([]);
    expect(JSON.stringify(withTexts)).not.toContain(textQ);
  });

  it("the city's page lists exactly its public outcomes, ideas, listed programmes and profile figures", async () => {
    const res = await get(`/public/territories/${RIVERTON}`).expect(200);
    const page = res.body;
    expect(page.territory).toEqual({
      code: RIVERTON,
      kind: 'city',
      country: 'PT',
      parentCode: 'PT-NV',
      name: 'Riverton',
    });
    expect(page.outcomes.map((o: { id: string }) => o.id).sort()).toEqual([anonymousId, namedId].sort());
    expect(page.goodIdeas.map((i: { slug: string }) => i.slug)).toEqual([ideaSlug]);
    expect(page.programmes).toEqual([
      {
        title: listedTitle,
        dimensions: ['social'],
        sdgTargets: ['10.7'],
        gcmObjectives: [16],
        partnersByKind: [
          { kind: 'civil_society', count: 1 },
          { kind: 'government', count: 1 },
        ],
      },
    ]);
    expect(page.profile.indicators).toHaveLength(1);
    expect(page.profile.indicators[0]).toMatchObject({
      code: EMPLOYMENT,
      unit: '%',
      trend: [
        { period: '2022', migrantValue: 60, hostValue: 72, gap: -12, source: 'Riverton register 2022' },
        { period: '2024', migrantValue: 65, hostValue: 73, gap: -8, source: 'Riverton register 2024' },
      ],
      change: { fromPeriod: '2022', toPeriod: '2024', change: 4, favourableChange: 4, narrowing: true },
    });
    // Internal fields never appear: every key is on the allow-list, every id is a public outcome's.
    expect(unknownKeys(page)).toEqual([]);
    const text = JSON.stringify(page);
    for (const id of text.match(UUID) ?? []) expect([anonymousId, namedId]).toContain(id);
    for (const hidden of [
      'Riverton Internal Pilot',
      'Riverton Draft Idea',
      'A draft nobody may see',
      'Unpublished budget talk',
      'Lakeside parks',
    ])
      expect(text).not.toContain(hidden);
    for (const s of secrets) expect(text).not.toContain(s);
    // The region's page covers the city's outcomes and Lakeside's.
    const region = (await get('/public/territories/PT-NV').expect(200)).body;
    expect(region.outcomes.map((o: { id: string }) => o.id).sort()).toEqual(
      [anonymousId, namedId, lakesideId].sort(),
    );
    expectProblem(await get('/public/territories/PT-NV-nowhere'), 404);
    expectProblem(await get(`/public/consultations/${hiddenId}`), 404);
  });

  it('public lists: filters, full-text search in any language, keyset pages and Atom feeds', async () => {
    const ids = async (query: Record<string, string | number>) =>
      (await get('/public/consultations').query(query).expect(200)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect((await ids({ territory: RIVERTON })).sort()).toEqual([anonymousId, namedId].sort());
    expect(await ids({ language: 'ar' })).toEqual([anonymousId]);
    expect(await ids({ dimension: 'social' })).toEqual([anonymousId]);
    expect(await ids({ q: 'transport' })).toEqual([anonymousId]);
    expect(await ids({ q: 'النقل' })).toEqual([anonymousId]);
    expect(await ids({ q: 'library' })).toEqual([namedId]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ids({ from: today, to: today })).length).toBe(3);
    expect(await ids({ to: '2020-01-01' })).toEqual([]);
    const first = (await get('/public/consultations').query({ limit: 2 }).expect(200)).body;
    expect(first.items).toHaveLength(2);
    const second = (
      await get('/public/consultations').query({ limit: 2, cursor: first.nextCursor }).expect(200)
    ).body;
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(all).size).toBe(3);
    expect(all.sort()).toEqual([anonymousId, namedId, lakesideId].sort());
    expect(unknownKeys(first)).toEqual([]);

    const feed = await get(`/public/territories/${RIVERTON}/feed.atom`).expect(200);
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.text).toContain(`/public/consultations/${anonymousId}`);
    expect(feed.text).toContain(`/public/good-ideas/${ideaSlug}`);
    expect(feed.text).not.toContain(lakesideId);
    const everything = await get('/public/consultations/feed.atom').expect(200);
    expect(everything.text).toContain(lakesideId);
    expect(everything.text).not.toContain(hiddenId);
  });

  it('bad input is a 400 problem naming the field', async () => {
    const cases: [string, string][] = [
      ['/public/territories/pt-nv-riverton', 'code'],
      ['/public/territories/PT-NV-riverton!', 'code'],
      ['/public/consultations?cursor=!!', 'cursor'],
      ['/public/consultations?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/public/consultations?territory=riverton', 'territory'],
      ['/public/consultations?dimension=space', 'dimension'],
      ['/public/consultations?language=xx', 'language'],
      ['/public/consultations?from=2026-13-45', 'from'],
      ['/public/consultations?limit=1000', 'limit'],
      ['/public/consultations/not-a-uuid', 'id'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expectProblem(res, 400);
      expect({ path, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({
        path,
        fields: expect.arrayContaining([field]),
      });
    }
  });

  it('cacheable for everyone alike, revalidated every time: withdrawing is a 404 at once', async () => {
    const url = `/public/consultations/${anonymousId}`;
    const anonymous = await get(url).expect(200);
    expect(anonymous.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(anonymous.headers.vary).toMatch(/Accept/);
    expect(anonymous.headers.vary).not.toMatch(/Authorization|Cookie/i);
    const etag = anonymous.headers.etag as string;
    expect(etag).toBeTruthy();
    // A signed-in reader gets the very same document: nothing per user.
    const signedIn = await http().get(url).set(bearer(officer)).expect(200);
    expect(signedIn.headers.etag).toBe(etag);
    expect(signedIn.body).toEqual(anonymous.body);
    await get(url).set('If-None-Match', etag).expect(304);
    // Server-rendered for browsers and link previews, right-to-left in Arabic.
    const html = await get(`${url}?lang=ar`).set('Accept', 'text/html').expect(200);
    expect(html.text).toContain('<html lang="ar" dir="rtl">');
    expect(html.text).toContain('<meta property="og:title" content="النقل المسائي في ريفرتون');
    expect(html.text).not.toContain('<script');

    // Withdraw: the next request, conditional or not, is a 404; the city page drops it.
    const withdrawn = await ok(setPublic(officer, anonymousId, { publicOutcome: false }));
    expect(withdrawn.body).toMatchObject({ publicOutcome: false, publicFreeTexts: false });
    expectProblem(await get(url), 404);
    expectProblem(await get(url).set('If-None-Match', etag), 404);
    const page = (await get(`/public/territories/${RIVERTON}`).expect(200)).body;
    expect(page.outcomes.map((o: { id: string }) => o.id)).toEqual([namedId]);
    // Re-publishing does not bring the free texts back without a new decision.
    await ok(setPublic(officer, anonymousId, { publicOutcome: true }));
    expect((await get(url).expect(200)).body.freeTextsPublished).toBe(false);
  });

  it('rate-limited per client: one address flooding the public pages gets 429, others still read', async () => {
    // The flood asks for a consultation that is not public (a cheap 404): every /public request counts.
    const missing = '/public/consultations/00000000-0000-4000-8000-000000000000';
    let refused: request.Response | undefined;
    for (let i = 0; i < 320 && !refused; i++) {
      const res = await get(missing).set('X-Forwarded-For', '203.0.113.50');
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(404);
    }
    expect(refused).toBeDefined();
    expectProblem(refused!, 429);
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not held back by it (limits count per client address and per endpoint).
    expect((await get(missing).set('X-Forwarded-For', '203.0.113.51')).status).toBe(404);
    await get(`/public/territories/${RIVERTON}`).set('X-Forwarded-For', '203.0.113.51').expect(200);
  });
});
