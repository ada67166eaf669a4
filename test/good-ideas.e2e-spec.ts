import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createOrganization, expectProblem, onboardUser, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme, waitForNotification } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { buildReport, parseCsv } from './support/reports';
import { TestStack } from './support/stack';

const Q1 = { periodStart: '2027-01-01', periodEnd: '2027-03-31' };
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);

describe('good ideas: written from a programme, judged on four criteria, found without signing in, adapted elsewhere', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let curator: Session;
  let adapter: Session;
  let adapterOrgId: string;
  let ideaId: string;
  let slug: string;
  let consultationSummary: string;
  const milestoneDates = ['2027-03-31', '2027-09-30'];

  const http = () => stack.http();
  const post = (who: Session, path: string, body: object) => http().post(path).set(bearer(who)).send(body);
  const get = (who: Session, path: string) => http().get(path).set(bearer(who));

  const ideaBody = (extra: Record<string, unknown> = {}) => ({
    programmeId: s.programmeId,
    title: 'From survival jobs to a rich harvest',
    summary: 'Newcomers trained on the job into skilled growers, with language classes at work.',
    challenge: 'Refugees with farming experience were stuck in short, unskilled jobs.',
    approach: 'An employer, a legal-aid network and a community association built a ladder of roles.',
    partners: [
      { kind: 'civil_society', role: 'runs language classes at the workplace' },
      { kind: 'migrant_association', role: 'mentors and interprets', name: 'Syrian Community' },
      { kind: 'government', role: 'funds childcare during training' },
    ],
    city: 'Riverton',
    country: 'PT',
    dimensions: ['economic', 'linguistic'],
    themes: ['employment', 'language'],
    targetGroups: ['refugees_and_asylum_seekers'],
    sdgTargets: ['8.8', '10.7'],
    gcmObjectives: [16, 18],
    resources: [{ title: 'Evaluation 2027', url: 'https://example.org/evaluation.pdf' }],
    startedOn: '2027-01-01',
    languages: ['en', 'fr', 'ar'],
    texts: {
      fr: {
        title: 'Des emplois de survie à une riche récolte',
        summary: 'Des nouveaux arrivants formés sur le terrain deviennent des cultivateurs qualifiés.',
        challenge: 'Des réfugiés expérimentés restaient bloqués dans des emplois précaires.',
        approach: 'Un employeur et des associations ont construit une échelle de métiers et de récoltes.',
      },
      ar: {
        title: 'من وظائف البقاء إلى حصاد وفير',
        summary: 'تدريب القادمين الجدد في مكان العمل ليصبحوا مزارعين مهرة.',
        challenge: 'بقي لاجئون ذوو خبرة زراعية في وظائف قصيرة وغير ماهرة.',
        approach: 'بنى صاحب عمل وجمعيات سلّمًا من الأدوار والمهارات.',
      },
    },
    ...extra,
  });

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    s = await setupProgramme(stack, smtp, 'Harvest Jobs');
    // The work plan another city will copy: two milestones and a task.
    const milestones: string[] = [];
    for (const [i, dueDate] of milestoneDates.entries())
      milestones.push(
        (
          await post(s.manager, `/programmes/${s.programmeId}/milestones`, {
            title: `Cohort ${i + 1} placed`,
            dueDate,
          }).expect(201)
        ).body.id,
      );
    await post(s.manager, `/programmes/${s.programmeId}/tasks`, {
      title: 'Recruit the first cohort',
      assigneeOrganizationId: s.implementer.organizationId,
      milestoneId: milestones[0],
      dueDate: '2027-02-15',
    }).expect(201);
    // A gap indicator (migrant minus host employment rate) and a plain one, with values.
    const gap = await post(s.manager, `/programmes/${s.programmeId}/indicators`, {
      name: 'Employment rate gap',
      dimension: 'economic',
      unit: 'percentage points',
      kind: 'gap',
      baseline: -20,
      target: -5,
      direction: 'increase',
    }).expect(201);
    await post(s.implementer.session, `/indicators/${gap.body.id}/values`, {
      ...Q1,
      migrantValue: 52.5,
      hostValue: 64,
    }).expect(201);
    const plain = await post(s.manager, `/programmes/${s.programmeId}/indicators`, {
      name: 'Language course completions',
      dimension: 'linguistic',
      unit: 'people',
      baseline: 0,
      target: 200,
      direction: 'increase',
    }).expect(201);
    await post(s.implementer.session, `/indicators/${plain.body.id}/values`, { ...Q1, value: 120 }).expect(
      201,
    );
    // A consultation by the programme's government partner, closed with a published outcome.
    const officer = s.observer.session;
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const later = new Date(Date.now() + 7_200_000).toISOString();
    const c = await post(officer, '/consultations', {
      organizationId: s.observer.organizationId,
      title: { en: 'Work and harvest', ar: 'العمل والحصاد' },
      description: { en: 'Tell us what would help you work.', ar: 'أخبرونا بما يساعدكم على العمل.' },
      languages: ['en', 'ar'],
      opensAt: soon,
      closesAt: later,
      audience: 'all_organizations',
      programmeIds: [s.programmeId],
    }).expect(201);
    await post(officer, `/consultations/${c.body.id}/questions`, {
      type: 'text',
      prompt: { en: 'What would help?', ar: 'ما الذي يساعد؟' },
    }).expect(201);
    for (const to of ['scheduled', 'open', 'closed']) {
      const moved = await post(officer, `/consultations/${c.body.id}/transitions`, { to });
      expect([to, moved.status, moved.body.detail]).toEqual([to, 200, undefined]);
    }
    consultationSummary = 'You said childcare blocks training; we fund childcare during courses.';
    await post(officer, `/consultations/${c.body.id}/outcome`, {
      summary: { en: consultationSummary, ar: 'قلتم إن رعاية الأطفال تعيق التدريب؛ نموّلها الآن.' },
      decisions: [
        { text: { en: 'Childcare vouchers from March', ar: 'قسائم رعاية الأطفال من مارس' }, questionIds: [] },
      ],
    }).expect(201);
    // A curator organisation (its members review) and another city's organisation.
    const curatorOrg = await createOrganization(stack, s.admin, 'civil_society', 'Practice Curators');
    curator = await onboardUser(stack, smtp, s.admin, curatorOrg, 'curator@curators.test', 'member');
    await http().put(`/good-idea-curators/${curatorOrg}`).set(bearer(s.admin)).expect(200);
    adapterOrgId = await createOrganization(stack, s.admin, 'government', 'City of Kuopio');
    adapter = await onboardUser(stack, smtp, s.admin, adapterOrgId, 'admin@kuopio.test', 'org_admin');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('rejects bad input with 400 naming the field', async () => {
    const missing = await post(s.manager, '/good-ideas', ideaBody({ city: undefined, sdgTargets: ['99.1'] }));
    expectProblem(missing, 400);
    expect(fieldsOf(missing)).toEqual(expect.arrayContaining(['city', 'sdgTargets']));
    const lang = await post(s.manager, '/good-ideas', ideaBody({ languages: ['en'] }));
    expectProblem(lang, 400);
    expect(fieldsOf(lang)).toEqual(expect.arrayContaining(['texts.fr']));
    const nested = await post(
      s.manager,
      '/good-ideas',
      ideaBody({ partners: [{ kind: 'bank', role: 'x' }] }),
    );
    expectProblem(nested, 400);
    expect(fieldsOf(nested)).toEqual(expect.arrayContaining(['partners.0.kind', 'partners.0.role']));
    expectProblem(await post(s.outsider.session, '/good-ideas', ideaBody()), 404);
    expectProblem(await post(s.implementer.session, '/good-ideas', ideaBody()), 403);
  });

  it('a programme manager writes an idea from the programme; its evidence matches the programme', async () => {
    const res = await post(s.manager, '/good-ideas', ideaBody()).expect(201);
    ideaId = res.body.id;
    slug = res.body.slug;
    expect(res.body).toMatchObject({
      status: 'draft',
      organizationId: s.leadOrganizationId,
      programmeId: s.programmeId,
      title: 'From survival jobs to a rich harvest',
      partnerKinds: ['civil_society', 'government', 'migrant_association'],
    });
    expect(res.body.texts.fr.title).toBe('Des emplois de survie à une riche récolte');
    const ev = res.body.evidence;
    const gap = ev.indicators.find((i: { name: string }) => i.name === 'Employment rate gap');
    expect(gap).toMatchObject({
      kind: 'gap',
      baseline: -20,
      target: -5,
      latest: { periodEnd: '2027-03-31', value: -11.5, migrantValue: 52.5, hostValue: 64 },
      gapChange: 8.5,
      gapNarrowed: true,
    });
    const plain = ev.indicators.find((i: { name: string }) => i.name === 'Language course completions');
    expect(plain).toMatchObject({ baseline: 0, target: 200, latest: { value: 120 }, gapChange: null });
    // Partners by kind and government level (the observer is a municipal government), no names.
    expect(ev.partners).toEqual(
      expect.arrayContaining([
        { kind: 'civil_society', governmentLevel: null, role: 'lead', organizations: 1 },
        { kind: 'civil_society', governmentLevel: null, role: 'implementer', organizations: 1 },
        { kind: 'migrant_association', governmentLevel: null, role: 'service_provider', organizations: 1 },
        { kind: 'government', governmentLevel: 'municipal', role: 'observer', organizations: 1 },
      ]),
    );
    expect(ev.consultations).toHaveLength(1);
    expect(ev.consultations[0].youSaidWeDid.summary.en).toBe(consultationSummary);
    // No placements yet: every count is below the threshold and shown as "<5", never as a number.
    expect(ev.placements).toMatchObject({ threshold: 5, people: '<5', placements: '<5' });
    expect(ev.placements.retention.every((r: { answered: unknown }) => r.answered === '<5')).toBe(true);

    // A draft is the authors' alone: outsiders, other partners, reviewers and the public get 404.
    for (const who of [s.outsider.session, s.implementer.session, curator, adapter])
      expectProblem(await get(who, `/good-ideas/${ideaId}`), 404);
    expectProblem(await http().get(`/public/good-ideas/${slug}`), 404);
  });

  it('submits; a reviewer rates the four criteria with rationales and publishes; the evidence is frozen', async () => {
    const incomplete = await post(
      s.manager,
      '/good-ideas',
      ideaBody({ programmeId: undefined, challenge: '', languages: ['en'], texts: undefined }),
    ).expect(201);
    const refused = await post(s.manager, `/good-ideas/${incomplete.body.id}/transitions`, {
      to: 'submitted',
    });
    expectProblem(refused, 422);
    expect(refused.body.code).toBe('GOOD_IDEA_TEXT_INCOMPLETE');

    await post(s.manager, `/good-ideas/${ideaId}/transitions`, { to: 'submitted' }).expect(200);
    await waitForNotification(stack, curator, 'good_idea.submitted', ideaId);
    expectProblem(await get(s.outsider.session, `/good-ideas/${ideaId}`), 404);
    await get(curator, `/good-ideas/${ideaId}`).expect(200);

    const early = await post(curator, `/good-ideas/${ideaId}/transitions`, { to: 'published' });
    expectProblem(early, 422);
    expect(early.body.code).toBe('GOOD_IDEA_ASSESSMENT_INCOMPLETE');
    expectProblem(
      await post(s.manager, `/good-ideas/${ideaId}/assessments`, {
        criterion: 'practical',
        rating: 5,
        rationale: 'We are great at this.',
      }),
      403,
    );
    const bad = await post(curator, `/good-ideas/${ideaId}/assessments`, {
      criterion: 'popular',
      rating: 7,
      rationale: 'ok',
    });
    expectProblem(bad, 400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['criterion', 'rating', 'rationale']));
    const returned = await post(curator, `/good-ideas/${ideaId}/transitions`, { to: 'returned' });
    expectProblem(returned, 400);
    expect(fieldsOf(returned)).toContain('reason');

    const rationales: Record<string, string> = {
      practical: 'Touches work, language and childcare; four kinds of organisation take part.',
      innovative: 'Language classes held on the farm during paid hours.',
      successful: 'The employment gap narrowed by 8.5 points in the first quarter.',
      transferable:
        'Needs an employer, a language provider and a community association: found in most cities.',
    };
    for (const [criterion, rationale] of Object.entries(rationales))
      await post(curator, `/good-ideas/${ideaId}/assessments`, { criterion, rating: 4, rationale }).expect(
        200,
      );
    const published = await post(curator, `/good-ideas/${ideaId}/transitions`, { to: 'published' }).expect(
      200,
    );
    expect(published.body.status).toBe('published');
    expect(published.body.assessments.map((a: { criterion: string }) => a.criterion).sort()).toEqual([
      'innovative',
      'practical',
      'successful',
      'transferable',
    ]);
    const snap = published.body.evidenceSnapshot;
    expect(snap.indicators.find((i: { name: string }) => i.name === 'Employment rate gap').gapChange).toBe(
      8.5,
    );
    expect(typeof snap.asOf).toBe('string');
    const [n] = await waitForNotification(stack, s.manager, 'good_idea.published', ideaId);
    expect(n).toBeTruthy();
  });

  it('an anonymous client finds it by a French and an Arabic search term, filters, and reads it', async () => {
    const search = async (query: Record<string, string>) => {
      const res = await http().get('/public/good-ideas').query(query).expect(200);
      return (res.body.items as { slug: string }[]).map((i) => i.slug);
    };
    expect(await search({ q: 'récoltes' })).toContain(slug); // French stemming: récoltes → récolte
    expect(await search({ q: 'حصاد' })).toContain(slug);
    expect(await search({ q: 'حَصَاد' })).toContain(slug); // diacritics removed by the normalisation
    expect(await search({ q: 'harvests' })).toContain(slug);
    expect(await search({ q: 'zzzunknownword' })).not.toContain(slug);
    expect(
      await search({ country: 'PT', partnerKind: 'migrant_association', theme: 'employment' }),
    ).toContain(slug);
    expect(await search({ partnerKind: 'employer' })).not.toContain(slug);
    expect(await search({ language: 'es' })).not.toContain(slug);
    expect(
      await search({
        sdgTarget: '10.7',
        gcmObjective: '18',
        targetGroup: 'refugees_and_asylum_seekers',
        city: 'riverton',
      }),
    ).toContain(slug);
    const badFilter = await http()
      .get('/public/good-ideas')
      .query({ dimension: 'magic', gcmObjective: '40' });
    expectProblem(badFilter, 400);
    expect(fieldsOf(badFilter)).toEqual(expect.arrayContaining(['dimension', 'gcmObjective']));

    const page = await http().get(`/public/good-ideas/${slug}`).expect(200);
    expect(page.body).toMatchObject({
      slug,
      status: 'published',
      title: 'From survival jobs to a rich harvest',
    });
    expect(page.body.assessments).toHaveLength(4);
    // Never a person: no e-mail addresses, no user ids.
    const text = JSON.stringify(page.body);
    expect(text).not.toMatch(/@[a-z]+\.test/);
    expect(text).not.toContain(s.manager.userId);

    const html = await http()
      .get(`/public/good-ideas/${slug}`)
      .query({ lang: 'ar' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('<html lang="ar" dir="rtl">');
    expect(html.text).toContain('<meta property="og:title" content="من وظائف البقاء إلى حصاد وفير');
    const list = await http()
      .get('/public/good-ideas')
      .query({ lang: 'fr', q: 'récolte' })
      .set('Accept', 'text/html')
      .expect(200);
    expect(list.text).toContain('<html lang="fr" dir="ltr">');
    expect(list.text).toContain(`/public/good-ideas/${slug}?lang=fr`);
    const feed = await http().get('/public/good-ideas/feed.atom').expect(200);
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(feed.text).toContain(`/public/good-ideas/${slug}`);
  });

  it("another city's org admin endorses (once) and adapts it; the authors are notified; the idea lists the adaptation", async () => {
    const own = await post(s.manager, `/good-ideas/${ideaId}/endorsements`, {
      organizationId: s.leadOrganizationId,
      statement: 'We endorse ourselves.',
    });
    expectProblem(own, 422);
    const endorsement = await post(adapter, `/good-ideas/${ideaId}/endorsements`, {
      organizationId: adapterOrgId,
      statement: 'Saw it in Riverton; we are starting it in Kuopio.',
    }).expect(201);
    expect(endorsement.body).toMatchObject({ organizationName: 'City of Kuopio', kind: 'endorsement' });
    const twice = await post(adapter, `/good-ideas/${ideaId}/endorsements`, {
      organizationId: adapterOrgId,
      statement: 'Again.',
    });
    expectProblem(twice, 409);
    expect(twice.body.code).toBe('GOOD_IDEA_ALREADY_ENDORSED');
    expectProblem(
      await post(curator, `/good-ideas/${ideaId}/endorsements`, {
        organizationId: adapterOrgId,
        statement: 'Not mine to give.',
      }),
      403,
    );

    const startDate = '2028-03-01';
    const adapted = await post(adapter, `/good-ideas/${ideaId}/adaptations`, {
      organizationId: adapterOrgId,
      city: 'Kuopio',
      country: 'FI',
      startDate,
    }).expect(201);
    const programmeId = adapted.body.programmeId as string;
    const programme = await get(adapter, `/programmes/${programmeId}`).expect(200);
    expect(programme.body).toMatchObject({
      status: 'draft',
      leadOrganizationId: adapterOrgId,
      city: 'Kuopio',
      country: 'FI',
      startDate,
    });
    // Milestones keep their offsets from the programme's start (2027-01-01), now from the new start.
    const offsets = milestoneDates.map((d) => (Date.parse(d) - Date.parse('2027-01-01')) / 86_400_000);
    const milestones = await get(adapter, `/programmes/${programmeId}/milestones`).expect(200);
    expect(milestones.body.map((m: { title: string; dueDate: string }) => [m.title, m.dueDate])).toEqual([
      ['Cohort 1 placed', addDays(startDate, offsets[0])],
      ['Cohort 2 placed', addDays(startDate, offsets[1])],
    ]);
    const tasks = await get(adapter, `/programmes/${programmeId}/tasks`).expect(200);
    expect(tasks.body.items).toHaveLength(1);
    expect(tasks.body.items[0]).toMatchObject({
      title: 'Recruit the first cohort',
      assigneeOrganizationId: adapterOrgId,
      dueDate: addDays(startDate, 45),
    });
    // Indicators travel as definitions; baselines are the new city's to measure.
    expect(adapted.body.indicatorSlots).toEqual([
      {
        name: 'Employment rate gap',
        dimension: 'economic',
        unit: 'percentage points',
        kind: 'gap',
        direction: 'increase',
        baseline: null,
      },
      {
        name: 'Language course completions',
        dimension: 'linguistic',
        unit: 'people',
        kind: 'plain',
        direction: 'increase',
        baseline: null,
      },
    ]);
    const indicators = await get(adapter, `/programmes/${programmeId}/indicators`).expect(200);
    expect(indicators.body.items).toHaveLength(0);
    // Partner roles as open slots, described by kind.
    expect(adapted.body.partnerSlots).toEqual(
      expect.arrayContaining([
        {
          kind: 'civil_society',
          role: 'implementer',
          description: 'a civil-society organisation',
          filledByOrganizationId: null,
        },
        {
          kind: 'migrant_association',
          role: 'service_provider',
          description: 'a migrant association',
          filledByOrganizationId: null,
        },
        {
          kind: 'government',
          role: 'observer',
          description: 'a municipal government',
          filledByOrganizationId: null,
        },
      ]),
    );
    expect(adapted.body.partnerSlots).toHaveLength(3);

    // The authors hear about both, in their inbox.
    await waitForNotification(stack, s.manager, 'good_idea.endorsed', ideaId);
    const [n] = await waitForNotification(stack, s.manager, 'good_idea.adapted', ideaId);
    expect((n as unknown as { title: string }).title).toContain('Kuopio');

    const idea = await http().get(`/public/good-ideas/${slug}`).expect(200);
    expect(idea.body.adaptations).toEqual([
      expect.objectContaining({
        city: 'Kuopio',
        country: 'FI',
        organizationName: 'City of Kuopio',
        programmeStatus: 'draft',
        startDate,
      }),
    ]);
    expect(idea.body.recognitions).toEqual([expect.objectContaining({ organizationName: 'City of Kuopio' })]);

    // Written up in turn from the adapted programme and published, it links to its parent: a family tree.
    const child = await post(
      adapter,
      '/good-ideas',
      ideaBody({ programmeId, title: 'Language at work in Kuopio', city: 'Kuopio', country: 'FI' }),
    ).expect(201);
    expect(child.body.parentIdeaId).toBe(ideaId);
    await post(adapter, `/good-ideas/${child.body.id}/transitions`, { to: 'submitted' }).expect(200);
    for (const criterion of ['practical', 'innovative', 'successful', 'transferable'])
      await post(curator, `/good-ideas/${child.body.id}/assessments`, {
        criterion,
        rating: 3,
        rationale: 'Adapted faithfully; too early to show results.',
      }).expect(200);
    await post(curator, `/good-ideas/${child.body.id}/transitions`, { to: 'published' }).expect(200);
    const childPage = await http().get(`/public/good-ideas/${child.body.slug}`).expect(200);
    expect(childPage.body.parentSlug).toBe(slug);
    const parentPage = await http().get(`/public/good-ideas/${slug}`).expect(200);
    expect(parentPage.body.adaptations[0].childSlug).toBe(child.body.slug);
  });

  it('nothing unpublished leaves the authoring organisation: 404 for outsiders and the public', async () => {
    const draft = await post(
      s.manager,
      '/good-ideas',
      ideaBody({ title: 'A quiet draft about harvest festivals' }),
    ).expect(201);
    const id = draft.body.id as string;
    expectProblem(await http().get(`/public/good-ideas/${draft.body.slug}`), 404);
    const found = await http().get('/public/good-ideas').query({ q: 'festivals' }).expect(200);
    expect(found.body.items).toHaveLength(0);
    expectProblem(await get(s.outsider.session, `/good-ideas/${id}`), 404);
    expectProblem(
      await http()
        .patch(`/good-ideas/${id}`)
        .set(bearer(s.outsider.session))
        .set('If-Match', '"1"')
        .send({ city: 'X' }),
      404,
    );
    expectProblem(
      await post(adapter, `/good-ideas/${id}/endorsements`, {
        organizationId: adapterOrgId,
        statement: 'Hm.',
      }),
      404,
    );
    expectProblem(
      await post(adapter, `/good-ideas/${id}/adaptations`, {
        organizationId: adapterOrgId,
        city: 'Kuopio',
        startDate: '2028-01-01',
      }),
      404,
    );
    const mine = await get(s.outsider.session, '/good-ideas').expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(ideaId);
    // The author edits with If-Match; a stale version is refused.
    await http()
      .patch(`/good-ideas/${id}`)
      .set(bearer(s.manager))
      .set('If-Match', '"1"')
      .send({ city: 'Riverton North' })
      .expect(200);
    expectProblem(
      await http()
        .patch(`/good-ideas/${id}`)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({ city: 'Again' }),
      412,
    );
  });

  it('reports the published catalogue (good_ideas, CSV and PDF) with ratings and adaptations, no drafts', async () => {
    const csv = await buildReport(stack, adapter, 'good_ideas', 'csv');
    const rows = parseCsv(csv.body as Buffer);
    const mine = rows.filter((r) => r.slug === slug);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: 'From survival jobs to a rich harvest',
      practical: '4',
      transferable: '4',
      endorsements: '1',
      adaptations: '1',
      adapted_in: 'Kuopio',
    });
    expect(rows.some((r) => r.title === 'A quiet draft about harvest festivals')).toBe(false);
    const pdf = await buildReport(stack, adapter, 'good_ideas', 'pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
