import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { existsSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { bearer, createOrganization, expectProblem, onboardUser, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme, waitForNotification } from './support/programmes';
import {
  buildReport,
  CsvRow,
  download,
  parseCsv,
  parseXlsx,
  pdfText,
  requestReport,
  sheetRows,
  validateIati,
  waitForReport,
} from './support/reports';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

/** Schedules fire every this many ms in this suite (weekly; monthly ×4): the controllable clock. */
const EVERY_MS = 1500;

const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const section = (rows: CsvRow[], name: string) => rows.filter((r) => r.section === name);

describe('reports: built in the background in CSV, JSON, XLSX, PDF and IATI XML; scheduled; scoped', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let storageDir: string;
  let manager: Session;
  let implementer: Session;
  let employerA: string;
  let employerB: string;
  let hrA: Session;
  let hrB: Session;
  let funderId: string;
  let programmeTitle: string;
  let consultationId: string;
  let indicatorId: string;

  const http = () => stack.http();
  const post = (who: Session, p: string, body: object) => http().post(p).set(bearer(who)).send(body);

  beforeAll(async () => {
    await smtp.start();
    storageDir = mkdtempSync(path.join(process.env.TANDEM_TEST_DIR ?? '/tmp', 'reports-'));
    stack = await new TestStack({
      smtp,
      env: {
        REPORT_STORAGE_DIR: storageDir,
        REPORT_SCHEDULE_EVERY_MS: String(EVERY_MS),
        REPORT_EXPIRE_EVERY_MS: '1000',
        IATI_REPORTING_ORG_REF: 'XI-IATI-TANDEMTEST',
      },
    }).start();
    s = await setupProgramme(stack, smtp, 'Jobs Bridge');
    manager = s.manager;
    implementer = s.implementer.session;
    programmeTitle = (await http().get(`/programmes/${s.programmeId}`).set(bearer(manager)).expect(200)).body
      .title;

    // A funder and two employers join the programme.
    funderId = await createOrganization(stack, s.admin, 'government', 'National Integration Fund');
    employerA = await createOrganization(stack, s.admin, 'employer', 'Harbour Foods');
    employerB = await createOrganization(stack, s.admin, 'employer', 'Ridge Builders');
    const funder = await onboardUser(stack, smtp, s.admin, funderId, 'fund@fund.test', 'org_admin');
    hrA = await onboardUser(stack, smtp, s.admin, employerA, 'hr@harbour.test', 'org_admin');
    hrB = await onboardUser(stack, smtp, s.admin, employerB, 'hr@ridge.test', 'org_admin');
    for (const [org, who, role] of [
      [funderId, funder, 'funder'],
      [employerA, hrA, 'implementer'],
      [employerB, hrB, 'implementer'],
    ] as const) {
      await post(manager, `/programmes/${s.programmeId}/partners`, { organizationId: org, role }).expect(201);
      await http().post(`/programmes/${s.programmeId}/partners/${org}/accept`).set(bearer(who)).expect(200);
    }

    // Work plan: a milestone, three tasks (done, in progress, overdue todo), an indicator with a value.
    const milestone = (
      await post(manager, `/programmes/${s.programmeId}/milestones`, {
        title: 'Intake',
        dueDate: '2099-01-31',
      }).expect(201)
    ).body.id as string;
    const task = async (title: string, org: string, who: Session, dueDate: string | null, path: string[]) => {
      const t = await post(manager, `/programmes/${s.programmeId}/tasks`, {
        title,
        assigneeOrganizationId: org,
        dueDate,
        milestoneId: milestone,
      }).expect(201);
      for (const to of path) await post(who, `/tasks/${t.body.id}/transitions`, { to }).expect(200);
    };
    await task('Print intake forms', s.implementer.organizationId, implementer, '2099-01-10', [
      'in_progress',
      'done',
    ]);
    await task('Screen candidates', s.implementer.organizationId, implementer, '2099-01-10', ['in_progress']);
    await task('Book interpreters', s.provider.organizationId, s.provider.session, '2020-01-10', []);
    indicatorId = (
      await post(manager, `/programmes/${s.programmeId}/indicators`, {
        name: 'People in work',
        dimension: 'economic',
        unit: 'people',
        baseline: 10,
        target: 50,
        direction: 'increase',
      }).expect(201)
    ).body.id as string;
    await post(manager, `/indicators/${indicatorId}/values`, {
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      value: 30,
    }).expect(201);

    // Placements: five people with Harbour Foods (sector I), one with Ridge Builders (sector C).
    for (let i = 0; i < 6; i++) {
      const p = await post(s.provider.session, '/participants', {
        yearOfBirth: 1990 + i,
        gender: 'female',
        countryOfOrigin: 'SY',
        arrivalYear: 2022,
        statusCategory: i < 5 ? 'refugee_or_asylum' : 'labour',
        languages: ['ar'],
        consent: { givenAt: '2026-01-10T09:00:00Z', scope: 'placement follow-up and aggregate reporting' },
        programmeId: s.programmeId,
      }).expect(201);
      const [who, org] = i < 5 ? [hrA, employerA] : [hrB, employerB];
      await post(who, '/placements', {
        participantId: p.body.id,
        employerOrganizationId: org,
        programmeId: s.programmeId,
        jobTitle: i < 5 ? 'Kitchen assistant' : 'Site helper',
        occupationCode: i < 5 ? '9412' : '9313',
        sector: i < 5 ? 'I' : 'C',
        startDate: '2026-02-01',
        contractType: 'permanent',
        hoursPerWeek: 37.5,
      }).expect(201);
    }

    // A consultation of the observer (a municipal government), answered by the implementer and provider.
    const officer = s.observer.session;
    const c = await post(officer, '/consultations', {
      organizationId: s.observer.organizationId,
      title: { en: 'Night transport' },
      description: { en: 'Tell us how transport works for you at night.' },
      languages: ['en'],
      opensAt: at(1_500),
      closesAt: at(3_600_000),
      anonymous: false,
      audience: 'invited',
      invitedOrganizationIds: [s.implementer.organizationId, s.provider.organizationId, s.leadOrganizationId],
    }).expect(201);
    consultationId = c.body.id;
    const qs: string[] = [];
    for (const q of [
      {
        type: 'single_choice',
        prompt: { en: 'Which transport do you use most?' },
        options: [
          { value: 'bus', label: { en: 'Bus' } },
          { value: 'tram', label: { en: 'Tram' } },
        ],
        required: true,
      },
      { type: 'scale', prompt: { en: 'How safe do you feel?' } },
      { type: 'text', prompt: { en: 'Anything else?' }, maxLength: 200 },
    ])
      qs.push((await post(officer, `/consultations/${consultationId}/questions`, q).expect(201)).body.id);
    await post(officer, `/consultations/${consultationId}/transitions`, { to: 'scheduled' }).expect(200);
    await until('consultation open', async () =>
      (await http().get(`/consultations/${consultationId}`).set(bearer(officer))).body.status === 'open'
        ? true
        : undefined,
    );
    await http()
      .put(`/consultations/${consultationId}/responses/mine`)
      .set(bearer(implementer))
      .send({
        answers: [
          { questionId: qs[0], value: 'bus' },
          { questionId: qs[1], value: 4 },
          { questionId: qs[2], value: 'More night buses please' },
        ],
      })
      .expect(201);
    await http()
      .put(`/consultations/${consultationId}/responses/mine`)
      .set(bearer(s.provider.session))
      .send({
        answers: [
          { questionId: qs[0], value: 'bus' },
          { questionId: qs[1], value: 2 },
        ],
      })
      .expect(201);
    await post(officer, `/consultations/${consultationId}/transitions`, { to: 'closed' }).expect(200);
    await post(officer, `/consultations/${consultationId}/outcome`, {
      summary: { en: 'You said buses matter most; we are adding a night line.' },
      decisions: [{ text: { en: 'Night bus line 7 from September' }, questionIds: [qs[0]] }],
    }).expect(201);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  describe('requests', () => {
    it('refuses bad kinds, formats and parameters with 400 naming the field', async () => {
      const matrixPdf = await requestReport(stack, manager, { kind: 'partnership_matrix', format: 'pdf' });
      expectProblem(matrixPdf, 400);
      expect(matrixPdf.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
      const iatiCsv = await requestReport(stack, manager, { kind: 'iati_activities', format: 'csv' });
      expectProblem(iatiCsv, 400);
      expect(iatiCsv.body.errors[0].field).toBe('format');
      const noProgramme = await requestReport(stack, manager, { kind: 'programme_progress', format: 'json' });
      expectProblem(noProgramme, 400);
      expect(noProgramme.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'parameters.programmeId',
      ]);
      const unknown = await requestReport(stack, manager, {
        kind: 'coverage',
        format: 'json',
        parameters: { programmeId: s.programmeId },
      });
      expectProblem(unknown, 400);
      expect(unknown.body.errors[0].field).toBe('parameters.programmeId');
      const badKind = await requestReport(stack, manager, { kind: 'everything', format: 'json' });
      expectProblem(badKind, 400);
      expect(badKind.body.errors[0].field).toBe('kind');
      expect(await stack.query(`SELECT id FROM reports`)).toEqual([]);
    });

    it('refuses a report of a programme the requester cannot see (404), at request time', async () => {
      for (const kind of ['programme_progress']) {
        const res = await requestReport(stack, s.outsider.session, {
          kind,
          format: 'pdf',
          parameters: { programmeId: s.programmeId },
        });
        expectProblem(res, 404);
      }
      expectProblem(
        await requestReport(stack, s.outsider.session, {
          kind: 'iati_activities',
          format: 'xml',
          parameters: { programmeIds: [s.programmeId] },
        }),
        404,
      );
      expectProblem(
        await requestReport(stack, s.outsider.session, {
          kind: 'consultation',
          format: 'json',
          parameters: { consultationId },
        }),
        404,
      );
      // Another employer's placements: 404.
      expectProblem(
        await requestReport(stack, hrB, {
          kind: 'placements',
          format: 'csv',
          parameters: { employerOrganizationId: employerA },
        }),
        404,
      );
      expect(await stack.query(`SELECT id FROM reports`)).toEqual([]);
    });

    it('202 with Location; Idempotency-Key replays the same report; others get 404 on it', async () => {
      const body = { kind: 'coverage', format: 'json' };
      const first = await requestReport(stack, manager, body, 'coverage-key-1');
      expect(first.status).toBe(202);
      expect(first.headers.location).toBe(`/reports/${first.body.id}`);
      expect(first.body).toMatchObject({ kind: 'coverage', format: 'json', status: 'queued', progress: 0 });
      const again = await requestReport(stack, manager, body, 'coverage-key-1');
      expect(again.status).toBe(202);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.location).toBe(`/reports/${first.body.id}`);
      expect(
        await stack.query(`SELECT id FROM reports WHERE requested_by_user_id = $1`, [manager.userId]),
      ).toHaveLength(1);

      const done = await waitForReport(stack, manager, first.body.id);
      expect(done.status).toBe('done');
      expect(done.progress).toBe(1);
      await waitForNotification(stack, manager, 'report.ready', done.id);
      for (const other of [implementer, s.outsider.session, s.admin]) {
        expectProblem(await http().get(`/reports/${done.id}`).set(bearer(other)), 404);
        const file = await download(stack, other, done.id);
        expect(file.status).toBe(404);
        const list = await http().get('/reports').set(bearer(other)).expect(200);
        expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(done.id);
      }
      const mine = await http()
        .get('/reports')
        .query({ kind: 'coverage', status: 'done' })
        .set(bearer(manager));
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([done.id]);
    });
  });

  describe('programme_progress', () => {
    it('JSON: tasks by state and partner, milestones, overdue work, indicators vs baseline and target, partners', async () => {
      const { body, headers } = await buildReport(stack, manager, 'programme_progress', 'json', {
        programmeId: s.programmeId,
      });
      expect(headers['content-type']).toMatch(/^application\/json/);
      expect(headers['content-disposition']).toMatch(/^attachment; filename="programme_progress-.*\.json"$/);
      const r = JSON.parse(body.toString('utf8'));
      expect(r.kind).toBe('programme_progress');
      const byState = Object.fromEntries(
        r.sections.tasks_by_state.map((x: { state: string; tasks: number }) => [x.state, x.tasks]),
      );
      expect(byState).toEqual({ todo: 1, in_progress: 1, blocked: 0, done: 1, cancelled: 0 });
      const implementerRow = r.sections.tasks_by_partner.find(
        (x: { organization: string }) => x.organization === 'Legal Aid Network 1',
      );
      expect(implementerRow).toMatchObject({ done: 1, in_progress: 1, tasks: 2 });
      expect(r.sections.milestones).toEqual([
        expect.objectContaining({ milestone: 'Intake', tasksDone: 1, tasksTotal: 3, overdue: false }),
      ]);
      expect(r.sections.overdue_tasks).toEqual([
        expect.objectContaining({
          task: 'Book interpreters',
          dueDate: '2020-01-10',
          organization: 'Syrian Community 1',
        }),
      ]);
      expect(r.sections.indicators).toEqual([
        expect.objectContaining({
          indicator: 'People in work',
          baseline: 10,
          latest: 30,
          target: 50,
          progress: 0.5,
        }),
      ]);
      expect(r.sections.partner_contributions.map((p: { role: string }) => p.role).sort()).toEqual(
        [
          'funder',
          'implementer',
          'implementer',
          'implementer',
          'lead',
          'observer',
          'service_provider',
        ].sort(),
      );
    });

    it('CSV (RFC 4180, one table with a section column), XLSX (a sheet per section) and PDF (text and charts)', async () => {
      const csv = await buildReport(stack, manager, 'programme_progress', 'csv', {
        programmeId: s.programmeId,
      });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body.toString('utf8')).toContain('\r\n');
      const rows = parseCsv(csv.body);
      expect(section(rows, 'tasks_by_state').find((x) => x.state === 'done')?.tasks).toBe('1');
      expect(section(rows, 'indicators')[0]).toMatchObject({
        indicator: 'People in work',
        baseline: '10',
        latest: '30',
        target: '50',
      });

      const xlsx = await buildReport(stack, manager, 'programme_progress', 'xlsx', {
        programmeId: s.programmeId,
      });
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = await parseXlsx(xlsx.body);
      expect(sheetRows(wb, 'Tasks by state').find((x) => x.State === 'in_progress')?.Tasks).toBe(1);
      expect(sheetRows(wb, 'indicators')[0]).toMatchObject({
        Indicator: 'People in work',
        Baseline: 10,
        'Latest value': 30,
        Target: 50,
        Progress: 0.5,
      });

      const pdf = await buildReport(stack, manager, 'programme_progress', 'pdf', {
        programmeId: s.programmeId,
      });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.body);
      expect(text).toContain(`Programme progress: ${programmeTitle}`);
      expect(text).toContain('Tasks by state');
      expect(text).toContain('People in work (people)'); // the indicator chart's title
      expect(text).toMatch(/baseline\s+10/);
      expect(text).toMatch(/latest value\s+30/);
      expect(text).toMatch(/target\s+50/);
      expect(text).toContain('Book interpreters');
    });
  });

  describe('placements', () => {
    it("the programme's manager: small cells read <5 in every format, and no row-level data", async () => {
      const p = { programmeId: s.programmeId };
      const json = JSON.parse((await buildReport(stack, manager, 'placements', 'json', p)).body.toString());
      // Two employers, one small: the other is hidden too, or the total would give the small one away.
      expect(json.sections.by_employer).toEqual([
        { key: 'Harbour Foods', people: 'suppressed' },
        { key: 'Ridge Builders', people: '<5' },
      ]);
      expect(json.sections.by_occupation_group).toEqual([{ key: '9', people: 6 }]);
      expect(json.sections.summary).toEqual([
        { metric: 'placements', value: 6 },
        { metric: 'people', value: 6 },
      ]);
      expect(json.sections.by_sector).toEqual(expect.arrayContaining([{ key: 'C', people: '<5' }]));
      expect(json.sections.by_status_category).toEqual(
        expect.arrayContaining([{ key: 'labour', people: '<5' }]),
      );
      expect(json.sections.placements).toBeUndefined();
      expect(JSON.stringify(json.sections)).not.toMatch(/"people":[0-4][,}]/);

      const rows = parseCsv((await buildReport(stack, manager, 'placements', 'csv', p)).body);
      expect(section(rows, 'by_employer').find((r) => r.key === 'Ridge Builders')?.people).toBe('<5');
      expect(section(rows, 'placements')).toEqual([]);

      const wb = await parseXlsx((await buildReport(stack, manager, 'placements', 'xlsx', p)).body);
      expect(sheetRows(wb, 'People by sector (ISIC section)')).toEqual(
        expect.arrayContaining([{ Sector: 'C', People: '<5' }]),
      );
      expect(wb.getWorksheet('Placements')).toBeUndefined();

      const text = pdfText((await buildReport(stack, manager, 'placements', 'pdf', p)).body);
      expect(text).toContain('Placements report');
      expect(text).toContain('Ridge Builders');
      expect(text).toContain('<5');
      expect(text).toContain('suppressed');
      expect(text).toMatch(/9\s+6/); // the occupation-group bar and its figure
    });

    it('an employer: its own placements exactly, every placement a row, nobody else’s', async () => {
      const json = JSON.parse((await buildReport(stack, hrA, 'placements', 'json')).body.toString());
      expect(json.sections.summary).toEqual([
        { metric: 'placements', value: 5 },
        { metric: 'people', value: 5 },
      ]);
      expect(json.sections.by_employer).toEqual([{ key: 'Harbour Foods', people: 5 }]);
      expect(json.sections.placements).toHaveLength(5);
      expect(
        json.sections.placements.every((r: { employer: string }) => r.employer === 'Harbour Foods'),
      ).toBe(true);

      // The CSV's rows (written by PostgreSQL, COPY) hold exactly the JSON's rows (read through a cursor).
      const csvA = section(parseCsv((await buildReport(stack, hrA, 'placements', 'csv')).body), 'placements');
      expect(
        csvA.map((r) => Object.fromEntries(Object.keys(json.sections.placements[0]).map((k) => [k, r[k]]))),
      ).toEqual(
        json.sections.placements.map((r: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
        ),
      );

      const csv = await buildReport(stack, hrB, 'placements', 'csv');
      const rows = parseCsv(csv.body);
      expect(section(rows, 'summary').find((r) => r.metric === 'people')?.value).toBe('1');
      expect(section(rows, 'placements')).toEqual([
        expect.objectContaining({
          employer: 'Ridge Builders',
          jobTitle: 'Site helper',
          sector: 'C',
          startDate: '2026-02-01',
        }),
      ]);
      expect(csv.report.progress).toBe(1);

      const wb = await parseXlsx((await buildReport(stack, hrA, 'placements', 'xlsx')).body);
      expect(sheetRows(wb, 'Placements')).toHaveLength(5);
    });
  });

  describe('consultation', () => {
    it('participation, response rate, per-question results with charts and the outcome, in four formats', async () => {
      const officer = s.observer.session;
      const p = { consultationId };
      const json = JSON.parse((await buildReport(stack, officer, 'consultation', 'json', p)).body.toString());
      expect(json.facts).toMatchObject({
        Responses: 2,
        'Invited organisations': 3,
        'Response rate (%)': 66.7,
      });
      expect(json.sections.participation_by_kind).toEqual([
        { kind: 'civil_society', organizations: 1 },
        { kind: 'migrant_association', organizations: 1 },
      ]);
      expect(json.sections.question_results).toEqual(
        expect.arrayContaining([
          { question: 'Q1: Which transport do you use most?', option: 'Bus', count: 2, percentage: 100 },
          { question: 'Q1: Which transport do you use most?', option: 'Tram', count: 0, percentage: 0 },
        ]),
      );
      expect(json.sections.questions.find((q: { type: string }) => q.type === 'scale').average).toBe(3);
      expect(json.sections.free_texts).toEqual([
        {
          question: 'Q3: Anything else?',
          answer: 'More night buses please',
          organization: 'Legal Aid Network 1',
        },
      ]);
      expect(json.sections.outcome[1]).toEqual({
        item: 'decision 1',
        text: 'Night bus line 7 from September',
      });

      const rows = parseCsv((await buildReport(stack, officer, 'consultation', 'csv', p)).body);
      expect(section(rows, 'question_results').find((r) => r.option === 'Bus')?.count).toBe('2');
      const wb = await parseXlsx((await buildReport(stack, officer, 'consultation', 'xlsx', p)).body);
      expect(sheetRows(wb, 'outcome')[0]).toMatchObject({ Item: 'summary' });
      const text = pdfText((await buildReport(stack, officer, 'consultation', 'pdf', p)).body);
      expect(text).toContain('Consultation: Night transport');
      expect(text).toContain('Which transport do you use most?');
      expect(text).toMatch(/Bus\s+2/); // the bar's label and figure
      expect(text).toContain('You said buses matter most');

      // An invitee reads results once the outcome is published; an organisation not invited cannot.
      await buildReport(stack, implementer, 'consultation', 'json', p);
      expectProblem(
        await requestReport(stack, hrA, { kind: 'consultation', format: 'json', parameters: p }),
        404,
      );
    });
  });

  describe('partnership_matrix and coverage', () => {
    it('who does what where over every programme the requester sees, with government levels and other stakeholders', async () => {
      const json = JSON.parse(
        (await buildReport(stack, manager, 'partnership_matrix', 'json')).body.toString(),
      );
      const [programme] = json.sections.programmes;
      expect(json.sections.programmes).toHaveLength(1);
      expect(programme).toMatchObject({
        programme: programmeTitle,
        city: 'Riverton',
        partners: 7,
        governmentLevels: 'municipal',
        otherStakeholderKinds: 'civil_society;employer;migrant_association',
        wholeOfSociety: true,
      });
      // 7 active partners × 2 dimensions × 2 target groups.
      expect(json.sections.matrix).toHaveLength(28);
      const legal = json.sections.matrix.filter(
        (r: { organization: string }) => r.organization === 'Legal Aid Network 1',
      );
      expect(
        legal
          .map((r: { dimension: string; targetGroup: string }) => `${r.dimension}/${r.targetGroup}`)
          .sort(),
      ).toEqual([
        'economic/labour_migrants',
        'economic/refugees_and_asylum_seekers',
        'linguistic/labour_migrants',
        'linguistic/refugees_and_asylum_seekers',
      ]);
      expect(legal[0]).toMatchObject({
        role: 'implementer',
        country: 'PT',
        startDate: '2027-01-01',
        endDate: '2028-12-31',
      });
      const fund = json.sections.matrix.find(
        (r: { organization: string }) => r.organization === 'National Integration Fund',
      );
      expect(fund).toMatchObject({
        organizationKind: 'government',
        governmentLevel: 'municipal',
        role: 'funder',
      });

      const rows = parseCsv((await buildReport(stack, manager, 'partnership_matrix', 'csv')).body);
      expect(section(rows, 'matrix')).toHaveLength(28);
      const wb = await parseXlsx((await buildReport(stack, manager, 'partnership_matrix', 'xlsx')).body);
      expect(sheetRows(wb, 'Who does what where')).toHaveLength(28);

      // Someone who sees no programme gets an empty matrix, not others' partnerships.
      const none = JSON.parse(
        (await buildReport(stack, s.outsider.session, 'partnership_matrix', 'json')).body.toString(),
      );
      expect(none.sections.matrix).toEqual([]);
      expect(none.sections.programmes).toEqual([]);
    });

    it('coverage by SDG target, GCM objective (gaps included) and integration dimension', async () => {
      const json = JSON.parse((await buildReport(stack, manager, 'coverage', 'json')).body.toString());
      expect(json.sections.gcm_objectives).toHaveLength(23);
      const gcm = Object.fromEntries(
        json.sections.gcm_objectives.map((r: { gcmObjective: number; programmes: number; gap: boolean }) => [
          r.gcmObjective,
          r,
        ]),
      );
      expect(gcm[16]).toMatchObject({
        programmes: 1,
        partners: 7,
        gap: false,
        programmeTitles: programmeTitle,
      });
      expect(gcm[1]).toMatchObject({ programmes: 0, partners: 0, gap: true });
      expect(json.sections.sdg_targets.map((r: { sdgTarget: string }) => r.sdgTarget)).toEqual([
        '10.2',
        '10.7',
      ]);
      const dims = Object.fromEntries(
        json.sections.dimensions.map((r: { dimension: string }) => [r.dimension, r]),
      );
      expect(dims.economic).toMatchObject({ programmes: 1, gap: false });
      expect(dims.health).toMatchObject({ programmes: 0, gap: true });

      const rows = parseCsv((await buildReport(stack, manager, 'coverage', 'csv')).body);
      expect(section(rows, 'gcm_objectives').filter((r) => r.gap === 'true')).toHaveLength(21);
      const wb = await parseXlsx((await buildReport(stack, manager, 'coverage', 'xlsx')).body);
      expect(sheetRows(wb, 'SDG targets')).toHaveLength(2);
      const text = pdfText((await buildReport(stack, manager, 'coverage', 'pdf')).body);
      expect(text).toContain('Programmes per GCM objective');
      expect(text).toMatch(/Objective 16\s+1/);
    });
  });

  describe('iati_activities', () => {
    it('an IATI 2.03 activity file, valid against the official schema, with roles, status, budget and results', async () => {
      const { body, headers } = await buildReport(stack, manager, 'iati_activities', 'xml', {
        programmeIds: [s.programmeId],
      });
      expect(headers['content-type']).toMatch(/^application\/xml/);
      const xml = body.toString('utf8');
      const result = await validateIati(xml);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      expect(xml).toContain(`<iati-identifier>XI-IATI-TANDEMTEST-${s.programmeId}</iati-identifier>`);
      expect(xml).toContain('<reporting-org ref="XI-IATI-TANDEMTEST"');
      expect(xml).toContain(`<title><narrative>${programmeTitle}</narrative></title>`);
      expect(xml).toMatch(new RegExp(`ref="XI-IATI-TANDEMTEST-ORG-${funderId}" role="1" type="11"`));
      expect(xml).toMatch(new RegExp(`ref="XI-IATI-TANDEMTEST-ORG-${s.leadOrganizationId}" role="2"`));
      expect(xml).toMatch(
        new RegExp(`ref="XI-IATI-TANDEMTEST-ORG-${s.implementer.organizationId}" role="4"`),
      );
      expect(xml).not.toContain(s.observer.organizationId); // observers take no part in delivery
      expect(xml).toContain('<activity-status code="2"/>');
      expect(xml).toContain('<activity-date iso-date="2027-01-01" type="1"/>');
      expect(xml).toContain('<recipient-country code="PT" percentage="100"/>');
      expect(xml).toContain('<value currency="EUR" value-date="2027-01-01">250000.00</value>');
      expect(xml).toMatch(/<baseline year="\d{4}" value="10"\/>/);
      expect(xml).toContain('<actual value="30"/>');

      // Every programme the requester sees (a second, draft one too), still valid.
      const draft = await post(manager, '/programmes', {
        title: 'Language & Work <pilot>',
        leadOrganizationId: s.leadOrganizationId,
        startDate: '2027-03-01',
        endDate: '2027-12-31',
        country: 'PT',
      }).expect(201);
      const all = (await buildReport(stack, manager, 'iati_activities', 'xml')).body.toString('utf8');
      expect((await validateIati(all)).valid).toBe(true);
      expect(all.match(/<iati-activity /g)).toHaveLength(2);
      expect(all).toContain('Language &amp; Work &lt;pilot&gt;');
      expect(all).toContain(`XI-IATI-TANDEMTEST-${draft.body.id}`);
      expect(all).toContain('<activity-status code="1"/>');

      // Hostile titles: the API refuses control characters now, so they go straight into the
      // database, as rows written before that rule or by another path would be. The file stays valid.
      const hostile = 'Bad\u0001title\u000Bwith\u001Fcontrols\uFFFE and \u0000?';
      await stack.query(`UPDATE programmes SET title = $1, summary = $2 WHERE id = $3`, [
        hostile.replace('\u0000', ''),
        'Summary \u0008 with \u007F a backspace',
        draft.body.id,
      ]);
      const refused = await http()
        .patch(`/programmes/${draft.body.id}`)
        .set(bearer(manager))
        .set('If-Match', '"1"')
        .send({ title: 'Bad\u0001title' });
      expectProblem(refused, 400);
      expect(refused.body.errors[0].field).toBe('title');
      const dirty = (await buildReport(stack, manager, 'iati_activities', 'xml')).body.toString('utf8');
      const check = await validateIati(dirty);
      expect(check.errors).toEqual([]);
      expect(check.valid).toBe(true);
      expect(dirty).toContain('Bad\uFFFDtitle\uFFFDwith\uFFFDcontrols\uFFFD and ?');
      // eslint-disable-next-line no-control-regex -- asserting those characters are gone
      expect(dirty).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    });
  });

  describe('failure and retention', () => {
    it('a build that cannot succeed ends failed with a reason and the requester is told; never stuck running', async () => {
      // The requester loses access between the request and the build: the worker builds as the requester.
      await stack.killWorker();
      const req = await requestReport(stack, implementer, {
        kind: 'programme_progress',
        format: 'pdf',
        parameters: { programmeId: s.programmeId },
      });
      expect(req.status).toBe(202);
      const early = await download(stack, implementer, req.body.id);
      expect(early.status).toBe(409);
      await http()
        .delete(`/programmes/${s.programmeId}/partners/${s.implementer.organizationId}`)
        .set(bearer(manager))
        .expect((res) => expect([200, 204]).toContain(res.status));
      await stack.startWorker();
      const failed = await waitForReport(stack, implementer, req.body.id);
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toMatch(/Programme not found.*no longer visible to the requester/);
      const [n] = await waitForNotification(stack, implementer, 'report.failed', req.body.id);
      expect(n).toBeDefined();
      const file = await download(stack, implementer, req.body.id);
      expect(file.status).toBe(409);
    });

    it('a build whose worker died (left running, its job gone) is rebuilt, counting the attempt', async () => {
      await stack.killWorker();
      const req = await requestReport(stack, manager, { kind: 'coverage', format: 'xlsx' });
      expect(req.status).toBe(202);
      // As if a worker had claimed it and died mid-build, and its BullMQ job were lost with it.
      await stack.query(
        `UPDATE reports SET status = 'running', attempts = 1, started_at = now() - interval '1 minute',
                heartbeat_at = now() - interval '1 minute' WHERE id = $1`,
        [req.body.id],
      );
      await stack.query(
        `UPDATE outbox_events SET dispatched_at = now() WHERE type = 'report.build' AND payload->>'reportId' = $1`,
        [req.body.id],
      );
      expect((await http().get(`/reports/${req.body.id}`).set(bearer(manager)).expect(200)).body.status).toBe(
        'running',
      );
      await stack.startWorker();
      const done = await waitForReport(stack, manager, req.body.id);
      expect(done).toMatchObject({ status: 'done', attempts: 2, progress: 1 });
      const wb = await parseXlsx((await download(stack, manager, done.id)).body);
      expect(sheetRows(wb, 'SDG targets')).toHaveLength(2);
    });

    it('files expire after the retention period: 410, the file deleted, the report marked expired', async () => {
      const { report } = await buildReport(stack, manager, 'coverage', 'csv');
      const [row] = await stack.query<{ storage_key: string }>(
        `SELECT storage_key FROM reports WHERE id = $1`,
        [report.id],
      );
      expect(existsSync(path.join(storageDir, row.storage_key))).toBe(true);
      await stack.query(`UPDATE reports SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        report.id,
      ]);
      expect((await download(stack, manager, report.id)).status).toBe(410);
      await until('report expired', async () => {
        const r = await http().get(`/reports/${report.id}`).set(bearer(manager)).expect(200);
        return r.body.status === 'expired' ? true : undefined;
      });
      expect(existsSync(path.join(storageDir, row.storage_key))).toBe(false);
      expect((await download(stack, manager, report.id)).status).toBe(410);
    });
  });

  describe('schedules', () => {
    let queue: Queue;
    beforeAll(() => {
      queue = new Queue('reports', { connection: { host: '127.0.0.1', port: stack.redis.port } });
    });
    afterAll(async () => {
      await queue?.close();
    });

    it('recipients must be allowed to see the report (422 naming recipients.<i>)', async () => {
      const res = await http()
        .post('/report-schedules')
        .set(bearer(manager))
        .send({
          kind: 'programme_progress',
          format: 'pdf',
          parameters: { programmeId: s.programmeId },
          cadence: 'weekly',
          recipients: [manager.userId, s.outsider.session.userId],
        });
      expectProblem(res, 422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'recipients.1' })]);
      expect(await stack.query(`SELECT id FROM report_schedules`)).toEqual([]);
    });

    it('fires on the (controllable) clock, delivers to recipients, moves when edited and stops when deleted', async () => {
      const created = await http()
        .post('/report-schedules')
        .set(bearer(manager))
        .send({
          name: 'Board pack',
          kind: 'programme_progress',
          format: 'csv',
          parameters: { programmeId: s.programmeId },
          cadence: 'weekly',
          recipients: [manager.userId, s.provider.session.userId],
        });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(created.body.schedulerId).toBe(`report-schedule.${id}`);
      const scheduler = await until(
        'job scheduler',
        async () => (await queue.getJobScheduler(`report-schedule.${id}`)) ?? undefined,
      );
      expect(scheduler.every).toBe(EVERY_MS);

      // It fires: a report is built and the recipient is notified and may download it.
      const [note] = await waitForNotification(
        stack,
        s.provider.session,
        'report.scheduled_ready',
        undefined,
        30_000,
      );
      const delivered = (note as unknown as { subjectId: string }).subjectId;
      const report = await waitForReport(stack, s.provider.session, delivered);
      expect(report).toMatchObject({
        status: 'done',
        scheduleId: id,
        kind: 'programme_progress',
        format: 'csv',
      });
      const rows = parseCsv((await download(stack, s.provider.session, delivered)).body);
      expect(section(rows, 'tasks_by_state').find((r) => r.state === 'done')?.tasks).toBe('1');
      // Each firing is one report (period key per firing), several by now.
      await until('a second firing', async () => {
        const list = await http().get('/reports').query({ scheduleId: id }).set(bearer(manager)).expect(200);
        return list.body.items.length >= 2 ? true : undefined;
      });

      // Edit: the cadence moves the scheduler (monthly = 4 × the test period).
      const read = await http().get(`/report-schedules/${id}`).set(bearer(manager)).expect(200);
      expectProblem(
        await http().patch(`/report-schedules/${id}`).set(bearer(manager)).send({ cadence: 'monthly' }),
        428,
      );
      const edited = await http()
        .patch(`/report-schedules/${id}`)
        .set(bearer(manager))
        .set('If-Match', read.headers.etag)
        .send({ cadence: 'monthly' });
      expect(edited.status).toBe(200);
      expect(edited.body.cadence).toBe('monthly');
      expectProblem(
        await http()
          .patch(`/report-schedules/${id}`)
          .set(bearer(manager))
          .set('If-Match', read.headers.etag)
          .send({ cadence: 'weekly' }),
        412,
      );
      await until('scheduler moved', async () => {
        const j = await queue.getJobScheduler(`report-schedule.${id}`);
        return j?.every === EVERY_MS * 4 ? true : undefined;
      });
      // Others do not see the schedule.
      expectProblem(await http().get(`/report-schedules/${id}`).set(bearer(s.provider.session)), 404);

      // Delete: the scheduler is removed and no more reports come.
      await http().delete(`/report-schedules/${id}`).set(bearer(manager)).expect(204);
      await until('scheduler removed', async () =>
        (await queue.getJobScheduler(`report-schedule.${id}`)) ? undefined : true,
      );
      await new Promise((r) => setTimeout(r, 1000));
      const count = async () =>
        (await stack.query(`SELECT count(*)::int AS n FROM reports WHERE period_key IS NOT NULL`))[0]
          .n as number;
      const before = await count();
      await new Promise((r) => setTimeout(r, EVERY_MS * 3));
      expect(await count()).toBe(before);
    });
  });
});
