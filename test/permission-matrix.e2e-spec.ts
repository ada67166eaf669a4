import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createOrganization, onboardUser, Session } from './support/fixtures';
import { Operation, operations, OpenApiDoc, readOpenApi, resolve, sample, Schema } from './support/openapi';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

/**
 * The permission matrix, generated from the OpenAPI document: every operation × anonymous and every
 * role (admin, programme manager, partner, municipal officer, employer, outsider) aimed at another
 * organisation's objects (a foreign programme, task, consultation, placement, participant, report,
 * webhook). A leak is a 2xx whose body carries any of those objects' data.
 */
const RANDOM = '00000000-0000-4000-8000-00000000dead';
const ROLES = ['anonymous', 'admin', 'manager', 'partner', 'officer', 'employer', 'outsider'] as const;
type Role = (typeof ROLES)[number];

describe('permission matrix: every operation × every role × another organisation’s objects', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let doc: OpenApiDoc;
  let home: ProgrammeSetup;
  let foreign: ProgrammeSetup;
  const sessions = {} as Record<Exclude<Role, 'anonymous'>, Session>;
  const f: Record<string, string> = {};
  /** What no other organisation may see; the platform admin may see all but the row-level placement data. */
  let secrets: string[] = [];
  let rowSecrets: string[] = [];

  const http = () => stack.http();

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({
      smtp,
      env: { API_RATE_LIMIT: '100000', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    }).start();
    home = await setupProgramme(stack, smtp, 'Home');
    foreign = await setupProgramme(stack, smtp, 'Foreign');
    const homeEmployer = await createOrganization(stack, home.admin, 'employer', 'Home Bakery');
    sessions.admin = home.admin;
    sessions.manager = home.manager;
    sessions.partner = home.implementer.session;
    sessions.officer = home.observer.session; // a member of a (regional) government organisation
    sessions.employer = await onboardUser(
      stack,
      smtp,
      home.admin,
      homeEmployer,
      'hr@home-bakery.test',
      'org_admin',
    );
    sessions.outsider = home.outsider.session;

    // The foreign organisations' objects.
    f.programme = foreign.programmeId;
    f.lead = foreign.leadOrganizationId;
    f.implementer = foreign.implementer.organizationId;
    f.managerUser = foreign.manager.userId;
    const task = await http()
      .post(`/programmes/${f.programme}/tasks`)
      .set(bearer(foreign.manager))
      .send({ title: 'Foreign secret task', assigneeOrganizationId: f.implementer });
    expect(task.status).toBe(201);
    f.task = task.body.id;
    const consultation = await http()
      .post('/consultations')
      .set(bearer(foreign.observer.session))
      .send({
        organizationId: foreign.observer.organizationId,
        title: { en: 'Foreign secret consultation' },
        languages: ['en'],
        opensAt: new Date(Date.now() + 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7_200_000).toISOString(),
        invitedOrganizationIds: [f.implementer],
      });
    expect(consultation.status).toBe(201);
    f.consultation = consultation.body.id;
    f.question = (
      await http()
        .post(`/consultations/${f.consultation}/questions`)
        .set(bearer(foreign.observer.session))
        .send({ type: 'text', prompt: { en: 'Foreign secret question' } })
        .expect(201)
    ).body.id;
    const foreignEmployer = await createOrganization(stack, foreign.admin, 'employer', 'Foreign Foods');
    const hr = await onboardUser(
      stack,
      smtp,
      foreign.admin,
      foreignEmployer,
      'hr@foreign-foods.test',
      'org_admin',
    );
    await http()
      .post(`/programmes/${f.programme}/partners`)
      .set(bearer(foreign.manager))
      .send({ organizationId: foreignEmployer, role: 'implementer' })
      .expect(201);
    await http()
      .post(`/programmes/${f.programme}/partners/${foreignEmployer}/accept`)
      .set(bearer(hr))
      .expect(200);
    const participant = await http()
      .post('/participants')
      .set(bearer(foreign.provider.session))
      .send({
        programmeId: f.programme,
        yearOfBirth: 1991,
        gender: 'female',
        countryOfOrigin: 'ER',
        arrivalYear: 2022,
        statusCategory: 'refugee_or_asylum',
        languages: ['ti'],
        consent: { givenAt: '2026-01-10T09:00:00Z', scope: 'placement follow-up' },
      })
      .expect(201);
    f.participant = participant.body.id;
    f.reference = participant.body.referenceCode;
    const placement = await http().post('/placements').set(bearer(hr)).send({
      participantId: f.participant,
      employerOrganizationId: foreignEmployer,
      programmeId: f.programme,
      jobTitle: 'Foreign secret job',
      occupationCode: '9412',
      sector: 'I',
      startDate: '2026-02-02',
      contractType: 'permanent',
      hoursPerWeek: 20,
    });
    expect(placement.status).toBe(201);
    f.placement = placement.body.id;
    const report = await http()
      .post('/reports')
      .set(bearer(foreign.manager))
      .send({ kind: 'programme_progress', format: 'json', parameters: { programmeId: f.programme } });
    expect(report.status).toBe(202);
    f.report = report.body.id;
    const webhook = await http()
      .post(`/organizations/${f.lead}/webhooks`)
      .set(bearer(foreign.manager))
      .send({ url: 'http://127.0.0.1:9/foreign-secret-hook', eventTypes: ['task.assigned'] });
    expect(webhook.status).toBe(201);
    f.webhook = webhook.body.id;

    // For the platform admin: the row-level data itself (ids alone are opaque; the audit trail lists them).
    rowSecrets = [f.reference, 'Foreign secret job', '"ER"'];
    secrets = [
      ...rowSecrets,
      f.placement,
      f.participant,
      f.programme,
      f.task,
      'Foreign secret task',
      f.consultation,
      'Foreign secret consultation',
      'Foreign secret question',
      f.report,
      f.webhook,
      'foreign-secret-hook',
      foreign.manager.email,
      hr.email,
    ];
    doc = await readOpenApi(stack);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  /** The foreign object a path parameter names, chosen by where it sits in the path. */
  function idFor(op: Operation, name: string): string {
    const p = op.path;
    if (name === 'token') return `${RANDOM}.${'A'.repeat(43)}`;
    if (name === 'webhookId') return f.webhook;
    if (name === 'organizationId') return f.implementer;
    if (name === 'userId') return f.managerUser;
    if (name === 'questionId') return f.question;
    if (name !== 'id') return RANDOM;
    if (p.startsWith('/programmes/')) return f.programme;
    if (p.startsWith('/organizations/')) return f.lead;
    if (p.startsWith('/tasks/')) return f.task;
    if (p.startsWith('/consultations/')) return f.consultation;
    if (p.startsWith('/participants/') || p.startsWith('/admin/break-glass/participants/'))
      return f.participant;
    if (p.startsWith('/placements/imports/')) return RANDOM;
    if (p.startsWith('/placements/') || p.startsWith('/admin/break-glass/placements/')) return f.placement;
    if (p.startsWith('/reports/')) return f.report;
    return RANDOM;
  }

  /** A body aimed at the foreign objects: every id-like field names one of them. */
  function bodyFor(op: Operation): unknown {
    if (!op.body || op.body.contentType !== 'application/json') return undefined;
    const body = sample(doc, op.body.schema) as Record<string, unknown>;
    const props = resolve(doc, op.body.schema).properties ?? {};
    for (const [k, raw] of Object.entries(props)) {
      const schema = resolve(doc, raw as Schema);
      if (/organizationId$/i.test(k)) body[k] = f.lead;
      else if (k === 'programmeId') body[k] = f.programme;
      else if (k === 'consultationId') body[k] = f.consultation;
      else if (k === 'participantId') body[k] = f.participant;
      else if (k === 'parameters') body[k] = { programmeId: f.programme, consultationId: f.consultation };
      else if (schema.type === 'array' && /Ids$/.test(k)) body[k] = [f.programme];
    }
    return body;
  }

  it('0 leaks; the table of statuses is printed', async () => {
    const all = operations(doc).filter((op) => op.path !== '/auth/logout');
    // Reads first, then writes, deletions last: a refused write must not disturb the later reads.
    const rank = { get: 0, post: 1, put: 1, patch: 1, delete: 2 } as const;
    const ops = [...all].sort((a, b) => rank[a.method] - rank[b.method]);
    const table: string[] = [];
    const leaks: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => idFor(op, name));
      const cells: string[] = [];
      for (const role of ROLES) {
        let req = http()[op.method](path);
        if (role !== 'anonymous') req = req.set(bearer(sessions[role]));
        if (op.method === 'patch' || op.method === 'put') req = req.set('If-Match', '"1"');
        const body = bodyFor(op);
        const res = await (body === undefined ? req : req.send(body as object)).ok(() => true);
        sent++;
        let leaked: string | undefined;
        // The platform admin reads programmes and consultations by design; row-level placement data
        // only through the audited break-glass reads, which are that rule's one exception.
        // The classifications are the public vocabulary (every country code, "ER" among them): only
        // the foreign rows' own data counts there.
        const vocabulary = op.path === '/classifications';
        const watch = (
          role === 'admin' ? (op.path.startsWith('/admin/break-glass') ? [] : rowSecrets) : secrets
        ).filter((s) => !(vocabulary && s === '"ER"'));
        if (res.status >= 200 && res.status < 300) {
          const text = typeof res.text === 'string' ? res.text : JSON.stringify(res.body);
          leaked = watch.find((s) => text.includes(s));
        }
        if (leaked)
          leaks.push(`${op.method.toUpperCase()} ${op.path} as ${role}: ${res.status} carries ${leaked}`);
        cells.push(`${res.status}${leaked ? '!' : ''}`.padEnd(5));
      }
      table.push(`${`${op.method.toUpperCase()} ${op.path}`.padEnd(62)} ${cells.join(' ')}`);
    }
    process.stdout.write(
      [
        `permission matrix: ${ops.length} operations × ${ROLES.length} roles = ${sent} requests, ${leaks.length} leaks ("!" marks one)`,
        `${'operation'.padEnd(62)} ${ROLES.map((r) => r.slice(0, 5).padEnd(5)).join(' ')}`,
        ...table,
        '',
      ].join('\n'),
    );
    expect(ops.length).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  }, 600_000);
});
