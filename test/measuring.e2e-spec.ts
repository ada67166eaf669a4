import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, expectProblem, loginAdmin, onboardUser, Session } from './support/fixtures';
import { buildReport, parseCsv, parseXlsx, pdfText, requestReport, sheetRows } from './support/reports';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const RIVERTON = 'CA-ON-riverton';
const LAKESIDE = 'CA-ON-lakeside';
const EMPLOYMENT = 'eu-zaragoza:employment-rate';
const UNEMPLOYMENT = 'eu-zaragoza:unemployment-rate';
const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => [
  ...new Set((res.body.errors ?? []).map((e) => e.field)),
];

describe('measuring: frameworks, official observations, profiles, comparisons, coherence, question bank', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let admin: Session;
  let stats: Session; // national statistical office (government, jurisdiction CA)
  let riverton: Session; // City of Riverton officer
  let lakeside: Session; // City of Lakeside officer
  let manager: Session; // lead of Riverton programmes
  let employer: Session;
  let respondents: Session[];
  let rivertonCityId: string;
  let lakesideCityId: string;
  let jobsProgrammeId: string;
  let adoptedIndicatorId: string;
  let leadId: string;

  const http = () => stack.http();
  const post = (who: Session, path: string, body: object) => http().post(path).set(bearer(who)).send(body);
  const get = (who: Session, path: string) => http().get(path).set(bearer(who));

  async function organization(kind: string, name: string, profile: object): Promise<string> {
    const res = await post(admin, '/organizations', {
      kind,
      name,
      country: 'CA',
      city: 'Riverton',
      contactEmail: `contact@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
      profile,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const observation = (indicatorCode: string, period: string, migrantValue: number, hostValue?: number) => ({
    indicatorCode,
    period,
    migrantValue,
    ...(hostValue !== undefined ? { hostValue } : {}),
    source: `Labour Force Survey ${period}`,
  });

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    admin = await loginAdmin(stack);
    const statsId = await organization('government', 'Statistics Office', {
      level: 'national',
      jurisdiction: 'Canada',
      territoryCode: 'CA',
      policyAreas: ['finance'],
    });
    rivertonCityId = await organization('government', 'City of Riverton', {
      level: 'municipal',
      jurisdiction: 'Riverton',
      territoryCode: RIVERTON,
      policyAreas: ['labour_employment', 'housing'],
    });
    lakesideCityId = await organization('government', 'City of Lakeside', {
      level: 'municipal',
      jurisdiction: 'Lakeside',
      territoryCode: LAKESIDE,
      policyAreas: ['education'],
    });
    leadId = await organization('civil_society', 'Riverton Welcome Centre', { services: ['legal_aid'] });
    const employerId = await organization('employer', 'Riverton Foods', { sector: 'C', sizeBand: 'medium' });
    stats = await onboardUser(stack, smtp, admin, statsId, 'analyst@stats.test', 'org_admin');
    riverton = await onboardUser(stack, smtp, admin, rivertonCityId, 'officer@riverton.test', 'org_admin');
    lakeside = await onboardUser(stack, smtp, admin, lakesideCityId, 'officer@lakeside.test', 'org_admin');
    manager = await onboardUser(stack, smtp, admin, leadId, 'manager@welcome.test', 'org_admin');
    employer = await onboardUser(stack, smtp, admin, employerId, 'hr@foods.test', 'org_admin');
    respondents = [];
    for (const [i, kind] of (
      ['migrant_association', 'civil_society', 'migrant_association'] as const
    ).entries()) {
      const orgId = await organization(
        kind,
        `Respondent ${i + 1}`,
        kind === 'civil_society' ? { services: ['legal_aid'] } : { communities: ['SY'], languages: ['ar'] },
      );
      respondents.push(
        await onboardUser(stack, smtp, admin, orgId, `voice${i + 1}@respondents.test`, 'org_admin'),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('lists the frameworks and their indicators with definition, unit, direction and data source', async () => {
    const frameworks = await get(manager, '/indicator-frameworks').expect(200);
    expect(frameworks.body.map((f: { code: string }) => f.code)).toEqual([
      'eu-zaragoza',
      'oecd-settling-in',
      'sdg',
      'uk-ioi',
    ]);
    const eu = await get(manager, '/indicator-frameworks/eu-zaragoza/indicators').expect(200);
    expect(eu.body).toHaveLength(14);
    expect(eu.body[0]).toMatchObject({
      code: EMPLOYMENT,
      domain: 'employment',
      dimension: 'economic',
      unit: '%',
      direction: 'increase',
      kind: 'gap',
      dataSource: 'labour_force_survey',
      name: { en: 'Employment rate', fr: 'Taux d’emploi', es: 'Tasa de empleo' },
    });
    expect(eu.body[0].definition.en).toMatch(/aged 20–64/);
    const sdg = await get(manager, '/indicator-frameworks/sdg/indicators').expect(200);
    expect(sdg.body.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['sdg:8.5.2', 'sdg:8.8.1', 'sdg:10.7.2', 'sdg:4.1.1', 'sdg:1.1.1']),
    );
    expectProblem(await get(manager, '/indicator-frameworks/nope/indicators'), 404);
    expectProblem(await http().get('/indicator-frameworks'), 401);
  });

  it('registers territories by code; bad codes and missing parents are refused', async () => {
    for (const [code, name] of [
      ['CA', 'Canada'],
      ['CA-ON', 'Ontario'],
      [RIVERTON, 'Riverton'],
      [LAKESIDE, 'Lakeside'],
    ])
      await post(admin, '/territories', { code, name }).expect(201);
    const bad = await post(admin, '/territories', { code: 'ca-on', name: 'x' });
    expectProblem(bad, 400);
    expect(fieldsOf(bad)).toEqual(['code']);
    const orphan = await post(admin, '/territories', { code: 'CA-QC-laval', name: 'Laval' });
    expectProblem(orphan, 422);
    expect(orphan.body.code).toBe('TERRITORY_PARENT_UNKNOWN');
    expectProblem(await post(admin, '/territories', { code: RIVERTON, name: 'Again' }), 409);
    expectProblem(await post(employer, '/territories', { code: 'CA-ON-elsewhere', name: 'Elsewhere' }), 403);
    const children = await get(employer, '/territories?parent=CA-ON').expect(200);
    expect(children.body.map((t: { code: string }) => t.code)).toEqual([LAKESIDE, RIVERTON]);
    expect(children.body[0]).toMatchObject({ kind: 'city', country: 'CA', parentCode: 'CA-ON' });
  });

  it('governments publish observations for their jurisdiction only; bad input names the field', async () => {
    // Riverton, three years, by the city itself.
    for (const [period, m, h] of [
      ['2022', 60, 72],
      ['2023', 62.5, 72.5],
      ['2024', 65, 73],
    ] as const)
      await post(
        riverton,
        `/territories/${RIVERTON}/observations`,
        observation(EMPLOYMENT, period, m, h),
      ).expect(201);
    const unemployment = await post(riverton, `/territories/${RIVERTON}/observations`, {
      ...observation(UNEMPLOYMENT, '2024', 9.5, 5),
      sampleSize: 380,
    }).expect(201);
    expect(unemployment.body).toMatchObject({
      gap: 4.5,
      sampleSize: 380,
      smallSample: false,
      publishedByOrganizationId: rivertonCityId,
    });

    // Outside the jurisdiction: another city, a non-government, an unknown territory.
    const foreign = await post(
      riverton,
      `/territories/${LAKESIDE}/observations`,
      observation(EMPLOYMENT, '2022', 1, 2),
    );
    expectProblem(foreign, 403);
    expectProblem(
      await post(employer, `/territories/${RIVERTON}/observations`, observation(EMPLOYMENT, '2022', 1, 2)),
      403,
    );
    expectProblem(
      await post(riverton, `/territories/CA-ON-nowhere/observations`, observation(EMPLOYMENT, '2022', 1, 2)),
      404,
    );
    expect(
      (
        await stack.query(`SELECT count(*)::int AS n FROM territory_observations WHERE territory_code = $1`, [
          LAKESIDE,
        ])
      )[0],
    ).toEqual({ n: 0 });

    // Bad input: 400 naming the field.
    const cases: [object, string][] = [
      [{ ...observation(EMPLOYMENT, '2022', 1, 2), migrantValue: 'lots' }, 'migrantValue'],
      [observation(EMPLOYMENT, '22', 1, 2), 'period'],
      [observation(EMPLOYMENT, '2022', 1), 'hostValue'],
      [observation('eu-zaragoza:naturalisation', '2022', 3, 4), 'hostValue'],
      [observation('eu-zaragoza:no-such-thing', '2022', 3, 4), 'indicatorCode'],
      [{ ...observation(EMPLOYMENT, '2022', 1, 2), colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await post(riverton, `/territories/${RIVERTON}/observations`, body);
      expectProblem(res, 400);
      expect({ field, got: fieldsOf(res) }).toEqual({ field, got: [field] });
    }
  });

  it('imports a CSV of observations with row errors, and a revision replaces a figure', async () => {
    const csv = [
      'indicatorCode,period,migrantValue,hostValue,sampleSize,smallSample,source,sourceUrl',
      `${EMPLOYMENT},2022,62,70,,,Census 2022,https://stats.example/census`,
      `${EMPLOYMENT},2023,61,abc,,,LFS 2023,`,
      `${EMPLOYMENT},2024,64,71,38,true,LFS 2024,`,
    ].join('\n');
    const upload = (mode: string) =>
      http()
        .post(`/territories/${LAKESIDE}/observations/import`)
        .set(bearer(stats))
        .field('mode', mode)
        .attach('file', Buffer.from(csv), { filename: 'lakeside.csv', contentType: 'text/csv' });
    const strict = await upload('all_or_nothing').expect(200);
    expect(strict.body).toMatchObject({
      mode: 'all_or_nothing',
      rows: 3,
      created: 0,
      updated: 0,
      rejected: 1,
    });
    expect(strict.body.errors).toEqual([
      { row: 3, column: 'hostValue', reason: expect.stringMatching(/number/) },
    ]);
    const lenient = await upload('valid_rows').expect(200);
    expect(lenient.body).toMatchObject({ rows: 3, created: 2, updated: 0, rejected: 1 });
    // The city fixes the bad row itself; first with a typo, then a revision (200, version 2).
    await post(
      lakeside,
      `/territories/${LAKESIDE}/observations`,
      observation(EMPLOYMENT, '2023', 60, 71),
    ).expect(201);
    const revised = await post(
      lakeside,
      `/territories/${LAKESIDE}/observations`,
      observation(EMPLOYMENT, '2023', 62, 71),
    ).expect(200);
    expect(revised.body).toMatchObject({
      period: '2023',
      migrantValue: 62,
      hostValue: 71,
      gap: -9,
      version: 2,
    });
    // A wrong header, or not a CSV at all.
    const header = await http()
      .post(`/territories/${LAKESIDE}/observations/import`)
      .set(bearer(stats))
      .attach('file', Buffer.from('indicator,year,value\nx,2022,1\n'), {
        filename: 'bad.csv',
        contentType: 'text/csv',
      });
    expectProblem(header, 422);
    expect(header.body).toMatchObject({ code: 'OBSERVATION_IMPORT_INVALID', errors: [{ field: 'file' }] });
    expect(header.body.detail).toMatch(/missing columns: indicatorCode, period, migrantValue, source/);
    const pdf = await http()
      .post(`/territories/${LAKESIDE}/observations/import`)
      .set(bearer(stats))
      .attach('file', Buffer.from('%PDF-1.4'), { filename: 'figures.pdf', contentType: 'application/pdf' });
    expectProblem(pdf, 415);
    // An employer cannot import either.
    expectProblem(
      await http()
        .post(`/territories/${LAKESIDE}/observations/import`)
        .set(bearer(employer))
        .attach('file', Buffer.from(csv), { filename: 'x.csv', contentType: 'text/csv' }),
      403,
    );
    const audit = await stack.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'territory_observation' AND entity_id = $1 ORDER BY occurred_at`,
      [revised.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('profile: latest values, gap, trend and change match the hand-computed figures', async () => {
    const res = await get(employer, `/territories/${RIVERTON}/profile`).expect(200);
    expect(res.body.territory.code).toBe(RIVERTON);
    const employment = res.body.indicators.find(
      (i: { indicator: { code: string } }) => i.indicator.code === EMPLOYMENT,
    );
    // 2022: 60 − 72 = −12; 2023: 62.5 − 72.5 = −10; 2024: 65 − 73 = −8.
    expect(employment.latest).toMatchObject({
      period: '2024',
      migrantValue: 65,
      hostValue: 73,
      gap: -8,
      favourableGap: -8,
    });
    expect(employment.trend.map((p: { period: string; gap: number }) => [p.period, p.gap])).toEqual([
      ['2022', -12],
      ['2023', -10],
      ['2024', -8],
    ]);
    expect(employment.change).toEqual({
      fromPeriod: '2022',
      toPeriod: '2024',
      change: 4,
      favourableChange: 4,
      narrowing: true,
      smallSample: false,
    });
    // Unemployment: lower is better, so a +4.5 gap is 4.5 points against migrants.
    const unemployment = res.body.indicators.find(
      (i: { indicator: { code: string } }) => i.indicator.code === UNEMPLOYMENT,
    );
    expect(unemployment.latest).toMatchObject({ gap: 4.5, favourableGap: -4.5 });
    expect(unemployment.change).toBeNull();
    expectProblem(await get(employer, '/territories/CA-ON-nowhere/profile'), 404);
  });

  it('comparison ranks territories by gap and by change in gap, with small-sample flags', async () => {
    const res = await get(
      employer,
      `/indicator-frameworks/eu-zaragoza/comparison?indicator=employment-rate&territories=${RIVERTON},${LAKESIDE}`,
    ).expect(200);
    // Lakeside: 2022 62 − 70 = −8; 2023 62 − 71 = −9; 2024 64 − 71 = −7 (small sample). Change −7 − (−8) = +1.
    // Riverton: −12 → −8, change +4. By gap Lakeside (−7) leads; by change Riverton (+4).
    expect(
      res.body.territories.map(
        (t: {
          territory: { code: string };
          latest: { gap: number };
          change: { change: number };
          rankByGap: number;
          rankByChange: number;
          smallSample: boolean;
        }) => ({
          code: t.territory.code,
          gap: t.latest.gap,
          change: t.change.change,
          rankByGap: t.rankByGap,
          rankByChange: t.rankByChange,
          smallSample: t.smallSample,
        }),
      ),
    ).toEqual([
      { code: LAKESIDE, gap: -7, change: 1, rankByGap: 1, rankByChange: 2, smallSample: true },
      { code: RIVERTON, gap: -8, change: 4, rankByGap: 2, rankByChange: 1, smallSample: false },
    ]);
    // A window: 2023–2024 only.
    const window = await get(
      employer,
      `/indicator-frameworks/eu-zaragoza/comparison?indicator=employment-rate&territories=${RIVERTON},${LAKESIDE}&from=2023`,
    ).expect(200);
    const changes = Object.fromEntries(
      window.body.territories.map((t: { territory: { code: string }; change: { change: number } }) => [
        t.territory.code,
        t.change.change,
      ]),
    );
    expect(changes).toEqual({ [LAKESIDE]: 2, [RIVERTON]: 2 });
    expect(window.body.territories.map((t: { rankByChange: number }) => t.rankByChange)).toEqual([1, 1]);

    const one = await get(
      employer,
      `/indicator-frameworks/eu-zaragoza/comparison?indicator=employment-rate&territories=${RIVERTON}`,
    );
    expectProblem(one, 400);
    expect(fieldsOf(one)).toEqual(['territories']);
    const unknown = await get(
      employer,
      `/indicator-frameworks/eu-zaragoza/comparison?indicator=no-such&territories=${RIVERTON},${LAKESIDE}`,
    );
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['indicator']);
  });

  it('a programme indicator adopted from the framework inherits its definition and compares with the official gap', async () => {
    const created = await post(manager, '/programmes', {
      title: 'Riverton Jobs Bridge',
      leadOrganizationId: leadId,
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      country: 'CA',
      city: 'Riverton',
      targetGroups: ['refugees_and_asylum_seekers'],
      dimensions: ['economic'],
      policyAreas: ['labour_employment'],
      territoryCode: RIVERTON,
    }).expect(201);
    jobsProgrammeId = created.body.id;
    expect(created.body).toMatchObject({
      policyAreas: ['labour_employment'],
      territoryCode: RIVERTON,
      mainstream: false,
    });
    await post(manager, `/programmes/${jobsProgrammeId}/partners`, {
      organizationId: rivertonCityId,
      role: 'funder',
    }).expect(201);
    await post(riverton, `/programmes/${jobsProgrammeId}/partners/${rivertonCityId}/accept`, {}).expect(200);
    await post(manager, `/programmes/${jobsProgrammeId}/transitions`, { to: 'active' }).expect(200);

    const clash = await post(manager, `/programmes/${jobsProgrammeId}/indicators`, {
      name: 'Employment rate of participants',
      frameworkIndicatorCode: EMPLOYMENT,
      unit: 'people',
      baseline: -12,
      target: -6,
    });
    expectProblem(clash, 400);
    expect(fieldsOf(clash)).toEqual(['unit']);
    const unknown = await post(manager, `/programmes/${jobsProgrammeId}/indicators`, {
      name: 'Unknown measure',
      frameworkIndicatorCode: 'eu-zaragoza:no-such-thing',
      baseline: -12,
      target: -6,
    });
    expectProblem(unknown, 400);
    expect(fieldsOf(unknown)).toEqual(['frameworkIndicatorCode']);

    const adopted = await post(manager, `/programmes/${jobsProgrammeId}/indicators`, {
      name: 'Employment rate of participants',
      frameworkIndicatorCode: EMPLOYMENT,
      baseline: -12,
      target: -6,
    }).expect(201);
    adoptedIndicatorId = adopted.body.id;
    expect(adopted.body).toMatchObject({
      frameworkIndicatorCode: EMPLOYMENT,
      dimension: 'economic',
      unit: '%',
      direction: 'increase',
      kind: 'gap',
    });
    expect(adopted.body.definition).toMatch(/Employed persons aged 20–64/);
    const read = await get(manager, `/indicators/${adoptedIndicatorId}`).expect(200);
    expect(read.body.definition).toBe(adopted.body.definition);
    // Its definition stays the framework's.
    const fixed = await http()
      .patch(`/indicators/${adoptedIndicatorId}`)
      .set(bearer(manager))
      .set('If-Match', read.headers.etag)
      .send({ unit: 'people' });
    expectProblem(fixed, 400);
    expect(fieldsOf(fixed)).toEqual(['unit']);

    // Participants: 66 employed vs the city's 73 → programme gap −7, one point narrower than the official −8.
    await post(manager, `/indicators/${adoptedIndicatorId}/values`, {
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      migrantValue: 66,
      hostValue: 73,
    }).expect(201);
    const profile = await get(manager, `/territories/${RIVERTON}/profile?framework=eu-zaragoza`).expect(200);
    const employment = profile.body.indicators.find(
      (i: { indicator: { code: string } }) => i.indicator.code === EMPLOYMENT,
    );
    expect(employment.programmes).toHaveLength(1);
    expect(employment.programmes[0]).toMatchObject({ id: jobsProgrammeId, title: 'Riverton Jobs Bridge' });
    expect(employment.programmes[0].indicators).toEqual([
      expect.objectContaining({
        id: adoptedIndicatorId,
        frameworkIndicatorCode: EMPLOYMENT,
        definition: adopted.body.definition,
        latestValue: -7,
        officialGap: -8,
        differenceFromOfficial: 1,
      }),
    ]);
    // Someone who may not read the programme sees the official figures, not the programme.
    const outsiderView = await get(employer, `/territories/${RIVERTON}/profile`).expect(200);
    const seen = outsiderView.body.indicators.find(
      (i: { indicator: { code: string } }) => i.indicator.code === EMPLOYMENT,
    );
    expect(seen.programmes).toEqual([]);
  });

  it('coherence: levels × policy areas × dimensions, the right programmes per cell, empty cells visible', async () => {
    const lead = leadId;
    const mainstream = await post(manager, '/programmes', {
      title: 'Riverton Adult Education for All',
      leadOrganizationId: lead,
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      country: 'CA',
      targetGroups: ['host_community', 'refugees_and_asylum_seekers'],
      dimensions: ['education'],
      policyAreas: ['education'],
      mainstream: true,
      territoryCode: RIVERTON,
    }).expect(201);
    expect(mainstream.body).toMatchObject({ mainstream: true });
    const bad = await post(manager, '/programmes', {
      title: 'Bad',
      leadOrganizationId: lead,
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      country: 'CA',
      policyAreas: ['space_travel'],
      territoryCode: 'riverton',
    });
    expectProblem(bad, 400);
    expect(fieldsOf(bad).sort()).toEqual(['policyAreas', 'territoryCode']);

    const res = await get(manager, `/territories/${RIVERTON}/coherence`).expect(200);
    expect(res.body.levels).toEqual(['national', 'regional', 'municipal', 'local', 'none']);
    expect(res.body.cells).toHaveLength(5 * 10 * 9);
    const cell = (level: string, area: string, dim: string) =>
      res.body.cells.find(
        (c: { level: string; policyArea: string; dimension: string }) =>
          c.level === level && c.policyArea === area && c.dimension === dim,
      );
    const titles = (c: { programmes: { title: string }[] }) => c.programmes.map((p) => p.title);
    expect(titles(cell('municipal', 'labour_employment', 'economic'))).toEqual(['Riverton Jobs Bridge']);
    expect(cell('municipal', 'labour_employment', 'economic').programmes[0].partners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'City of Riverton',
          kind: 'government',
          level: 'municipal',
          role: 'funder',
        }),
        expect.objectContaining({
          name: 'Riverton Welcome Centre',
          kind: 'civil_society',
          level: null,
          role: 'lead',
        }),
      ]),
    );
    expect(titles(cell('none', 'education', 'education'))).toEqual(['Riverton Adult Education for All']);
    expect(cell('none', 'education', 'education').programmes[0].mainstreaming).toBe(true);
    expect(cell('national', 'labour_employment', 'economic')).toMatchObject({ empty: true, programmes: [] });
    expect(cell('municipal', 'housing', 'housing')).toMatchObject({ empty: true, programmes: [] });
    expect(res.body).toMatchObject({ programmeCount: 2, mainstreamingCount: 1, emptyCellCount: 450 - 2 });
    // The country's matrix includes the city's programmes; Lakeside has none.
    expect((await get(manager, '/territories/CA/coherence').expect(200)).body.programmeCount).toBe(2);
    expect((await get(manager, `/territories/${LAKESIDE}/coherence`).expect(200)).body).toMatchObject({
      programmeCount: 0,
      emptyCellCount: 450,
    });
  });

  it('report kinds territory_comparison (CSV, XLSX, PDF) and coherence carry the same figures', async () => {
    const parameters = {
      framework: 'eu-zaragoza',
      indicator: 'employment-rate',
      territories: [RIVERTON, LAKESIDE],
    };
    const csv = await buildReport(stack, employer, 'territory_comparison', 'csv', parameters);
    const ranking = parseCsv(csv.body).filter((r) => r.section === 'ranking');
    expect(ranking.map((r) => [r.code, r.gap, r.change, r.rankByGap, r.rankByChange, r.smallSample])).toEqual(
      [
        [LAKESIDE, '-7', '1', '1', '2', 'true'],
        [RIVERTON, '-8', '4', '2', '1', 'false'],
      ],
    );
    expect(parseCsv(csv.body).filter((r) => r.section === 'trend')).toHaveLength(6);
    const xlsx = await buildReport(stack, employer, 'territory_comparison', 'xlsx', parameters);
    expect(sheetRows(await parseXlsx(xlsx.body), 'ranking')).toHaveLength(2);
    const pdf = await buildReport(stack, employer, 'territory_comparison', 'pdf', parameters);
    expect(pdfText(pdf.body)).toContain('Territory comparison');
    const bad = await requestReport(stack, employer, {
      kind: 'territory_comparison',
      format: 'csv',
      parameters: { ...parameters, territories: [RIVERTON] },
    });
    expectProblem(bad, 400);
    expect(fieldsOf(bad)).toEqual(['parameters.territories']);

    const coherence = await buildReport(stack, manager, 'coherence', 'csv', { territoryCode: RIVERTON });
    const rows = parseCsv(coherence.body);
    expect(
      rows
        .filter((r) => r.section === 'cells')
        .map((r) => [r.level, r.policyArea, r.dimension, r.programme])
        .sort(),
    ).toEqual([
      ['municipal', 'labour_employment', 'economic', 'Riverton Jobs Bridge'],
      ['none', 'education', 'education', 'Riverton Adult Education for All'],
    ]);
    expect(rows.filter((r) => r.section === 'gaps')).toHaveLength(448);
  });

  it('a bank question used in two cities’ consultations gives a combined result only above the threshold', async () => {
    const question = {
      type: 'single_choice',
      prompt: { en: 'Do you feel welcome in this city?', fr: 'Vous sentez-vous bienvenu dans cette ville ?' },
      options: [
        { value: 'yes', label: { en: 'Yes', fr: 'Oui' } },
        { value: 'no', label: { en: 'No', fr: 'Non' } },
      ],
      dimensions: ['social'],
    };
    expectProblem(await post(riverton, '/question-bank', question), 403);
    const badBank = await post(admin, '/question-bank', { ...question, dimensions: ['happiness'] });
    expectProblem(badBank, 400);
    expect(fieldsOf(badBank)).toEqual(['dimensions']);
    const bank = await post(admin, '/question-bank', question).expect(201);
    const listed = await get(riverton, '/question-bank?dimension=social').expect(200);
    expect(listed.body.items.map((q: { id: string }) => q.id)).toEqual([bank.body.id]);

    async function consult(officer: Session, cityId: string, title: string): Promise<string> {
      const c = await post(officer, '/consultations', {
        organizationId: cityId,
        title: { en: title },
        description: { en: 'Tell us how welcome you feel.' },
        languages: ['en'],
        opensAt: at(1_500),
        closesAt: at(3_600_000),
        anonymous: true,
        audience: 'all_organizations',
      }).expect(201);
      const id = c.body.id as string;
      const copy = await post(officer, `/consultations/${id}/questions/from-bank`, {
        bankQuestionId: bank.body.id,
      }).expect(201);
      expect(copy.body).toMatchObject({
        type: 'single_choice',
        bankQuestionId: bank.body.id,
        prompt: question.prompt,
      });
      await post(officer, `/consultations/${id}/transitions`, { to: 'scheduled' }).expect(200);
      const until = Date.now() + 30_000;
      while ((await get(officer, `/consultations/${id}`)).body.status !== 'open') {
        if (Date.now() > until) throw new Error(`consultation ${id} did not open`);
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const r of respondents)
        await http()
          .put(`/consultations/${id}/responses/mine`)
          .set(bearer(r))
          .send({ answers: [{ questionId: copy.body.id, value: 'yes' }] })
          .expect(201);
      await post(officer, `/consultations/${id}/transitions`, { to: 'closed' }).expect(200);
      await post(officer, `/consultations/${id}/outcome`, { summary: 'Thank you.', decisions: [] }).expect(
        201,
      );
      return id;
    }

    // Bad input and outsiders.
    const badAdd = await post(
      riverton,
      `/consultations/00000000-0000-4000-8000-000000000000/questions/from-bank`,
      { bankQuestionId: 'x' },
    );
    expectProblem(badAdd, 400);
    expect(fieldsOf(badAdd)).toEqual(['bankQuestionId']);

    const first = await consult(riverton, rivertonCityId, 'Welcome in Riverton');
    const one = await get(employer, `/question-bank/${bank.body.id}/results`).expect(200);
    // Three answers: under the threshold of 5, nothing is shown.
    expect(one.body).toMatchObject({ threshold: 5, consultationCount: 1, answered: null });
    expect(one.body.cells).toEqual([
      { value: 'yes', count: null, suppressed: true },
      { value: 'no', count: null, suppressed: true },
    ]);
    const second = await consult(lakeside, lakesideCityId, 'Welcome in Lakeside');
    const both = await get(employer, `/question-bank/${bank.body.id}/results`).expect(200);
    expect(both.body).toMatchObject({ consultationCount: 2, answered: 6 });
    expect(both.body.cells).toEqual([
      { value: 'yes', count: 6, suppressed: false },
      { value: 'no', count: 0, suppressed: false },
    ]);
    // Each city alone stays under the threshold.
    expect(
      both.body.consultations
        .map((c: { consultationId: string; answered: number | null }) => [c.consultationId, c.answered])
        .sort(),
    ).toEqual(
      [
        [first, null],
        [second, null],
      ].sort(),
    );
    expect(JSON.stringify(both.body)).not.toMatch(/Respondent|voice\d/);
  });
});
