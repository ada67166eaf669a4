import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { bearer, createOrganization, onboardUser, Session } from './support/fixtures';
import { FaultPostgres, FaultStack, waitUntil } from './support/fault-stack';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { ReceivedMail, TestSmtpServer } from './support/smtp';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * Operators' faults against real processes: the built api and worker as child processes, their own
 * Redis, a real SMTP server and HTTP receiver, and an embedded PostgreSQL of this suite's own that
 * it stops and restarts. Every case asserts exact counts: rows, inbox items, e-mails per recipient
 * and Message-ID, webhook deliveries per event id, the outbox drained and no job left active.
 */
const POOL = 5;
const LEASE_MS = 4000;
const DRAIN_MS = 2000;
const BULK = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults: outages, restarts and shutdowns lose nothing, send nothing twice, and tell the truth', () => {
  const smtp = new TestSmtpServer();
  const receiver = new WebhookReceiver();
  const pg = new FaultPostgres();
  let stack: FaultStack;
  let s: ProgrammeSetup;
  let implementerEmail: string;
  let providerEmail: string;

  beforeAll(async () => {
    await smtp.start();
    await receiver.start();
    await pg.init();
    stack = new FaultStack(pg, smtp, {
      OUTBOX_POLL_MS: '500',
      JOB_LOCK_MS: '3000',
      EMAIL_LEASE_MS: String(LEASE_MS),
      SMTP_POOL_SIZE: String(POOL),
      SMTP_RATE_LIMIT: '400',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      SHUTDOWN_TIMEOUT_MS: '20000',
      CHECK_IN_SWEEP_MS: '1000',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_RETRY_BASE_MS: '200',
      DB_POOL_SIZE: '10',
    });
    await stack.start();
    s = await setupProgramme(stack, smtp, 'Faults');
    implementerEmail = s.implementer.session.email;
    providerEmail = s.provider.session.email;
  }, 180_000);

  afterAll(async () => {
    if (stack)
      writeFileSync(path.join(process.env.TANDEM_TEST_DIR ?? '.test', 'faults.log'), stack.recentLogs());
    await stack?.stop();
    await pg.destroy();
    await smtp.stop();
    await receiver.stop();
  }, 60_000);

  // --- helpers -------------------------------------------------------------------------------

  const createTask = (title: string, assignee: string, api = 0) =>
    stack
      .httpOf(api)
      .post(`/programmes/${s.programmeId}/tasks`)
      .set(bearer(s.manager))
      .send({ title, assigneeOrganizationId: assignee })
      .timeout({ response: 15_000, deadline: 20_000 });

  /** E-mails whose subject quotes this exact title (`New task for …: "<title>"`). */
  const mailsAbout = (title: string): ReceivedMail[] =>
    smtp.received.filter((m) => m.subject.includes(`"${title}"`));

  const tasksTitled = async (prefix: string) =>
    (
      await stack.query<{ id: string; title: string }>(`SELECT id, title FROM tasks WHERE title LIKE $1`, [
        `${prefix}%`,
      ])
    ).map((r) => r);

  const pendingOutbox = async () =>
    (
      await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL AND available_at <= now() + interval '1 minute'`,
      )
    )[0].n;

  /** Every row got exactly one inbox item for `user` and one e-mail, each with its own Message-ID. */
  const expectExactlyOnce = async (titles: string[], email: string, userId: string, crashRepeats = 0) => {
    await waitUntil(
      `${titles.length} e-mails to ${email}`,
      async () => titles.every((t) => mailsAbout(t).some((m) => m.to.includes(email))),
      60_000,
    );
    await sleep(1000); // give a duplicate the chance to show up
    let repeats = 0;
    for (const t of titles) {
      const mails = mailsAbout(t).filter((m) => m.to.includes(email));
      // A SIGKILL may repeat a message whose SMTP exchange was under way: same Message-ID.
      if (mails.length > 1 && crashRepeats > 0) {
        expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
        repeats += mails.length - 1;
        continue;
      }
      expect([t, mails.length]).toEqual([t, 1]);
    }
    expect(repeats).toBeLessThanOrEqual(crashRepeats);
    const ids = new Set(titles.map((t) => mailsAbout(t)[0].messageId));
    expect(ids.size).toBe(titles.length);
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n JOIN tasks t ON t.id = n.subject_id
        WHERE n.user_id = $1 AND n.type = 'task.assigned' AND t.title = ANY($2)`,
      [userId, titles],
    );
    expect(n).toBe(titles.length);
  };

  const expectQuiet = async () => {
    await waitUntil('the outbox to drain', async () => (await pendingOutbox()) === 0, 30_000);
    await waitUntil(
      'no job left active',
      async () => Object.values(await stack.activeJobs()).every((n) => n === 0),
      30_000,
    );
    const [{ sending }] = await stack.query<{ sending: number }>(
      `SELECT count(*)::int AS sending FROM email_deliveries WHERE status = 'sending'`,
    );
    expect(sending).toBe(0);
  };

  /** `n` members of an organisation, written straight to the database (what is under test is the sending). */
  const seedMembers = async (organizationId: string, n: number, tag: string): Promise<string[]> => {
    const emails = Array.from({ length: n }, (_, i) => `bulk-${tag}-${i}@faults.test`);
    await stack.query(
      `WITH u AS (
         INSERT INTO users (email, name, password_hash) SELECT e, 'Bulk member', 'x' FROM unnest($1::text[]) e RETURNING id
       ) INSERT INTO memberships (user_id, organization_id, role) SELECT id, $2, 'member' FROM u`,
      [emails, organizationId],
    );
    return emails;
  };

  const perRecipient = (title: string) => {
    const counts = new Map<string, ReceivedMail[]>();
    for (const m of mailsAbout(title)) for (const to of m.to) counts.set(to, [...(counts.get(to) ?? []), m]);
    return counts;
  };

  // --- PostgreSQL ----------------------------------------------------------------------------

  it('PostgreSQL stopped for 20 s under writes: 503 with Retry-After (never 401), readiness 503 then 200, no restart; nothing lost or doubled', async () => {
    const apiPid = stack.pid('api', 0);
    const workerPid = stack.pid('worker', 0);
    const prefix = `pg-outage-${randomUUID().slice(0, 8)}`;
    const results: { status: number; code?: string; retryAfter?: string }[] = [];
    let i = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const res = await createTask(`${prefix} ${i++}`, s.implementer.organizationId).catch(
          (err: { status?: number; response?: { status: number } }) =>
            ({ status: err.response?.status ?? 0, body: {}, headers: {} }) as never,
        );
        results.push({ status: res.status, code: res.body?.code, retryAfter: res.headers?.['retry-after'] });
        await sleep(250);
      }
    })();
    await sleep(1500);
    await pg.stop();
    await sleep(3000);
    const readyDuring = await stack.http().get('/health/ready');
    await sleep(17_000);
    await pg.start();
    await waitUntil(
      'readiness 200',
      async () => (await stack.http().get('/health/ready')).status === 200,
      30_000,
    );
    await sleep(1500);
    writing = false;
    await writer;

    expect(readyDuring.status).toBe(503);
    const statuses = new Set(results.map((r) => r.status));
    expect(statuses.has(401)).toBe(false);
    expect([...statuses].every((st) => st === 201 || st === 503)).toBe(true);
    const unavailable = results.filter((r) => r.status === 503);
    expect(unavailable.length).toBeGreaterThan(10);
    expect(unavailable.every((r) => r.code === 'SERVICE_UNAVAILABLE' && r.retryAfter === '5')).toBe(true);
    // No restart: the same processes, alive, none exited.
    expect([stack.pid('api', 0), stack.pid('worker', 0)]).toEqual([apiPid, workerPid]);
    expect(stack.alive('api', 0) && stack.alive('worker', 0)).toBe(true);
    expect(stack.exits).toEqual([]);

    // Exact counts: each committed task has one inbox item and one e-mail. A write whose commit
    // raced the shutdown may exist without its 201 (the response never made it): at most one.
    const created = results.filter((r) => r.status === 201).length;
    const rows = await tasksTitled(prefix);
    expect(rows.length - created).toBeGreaterThanOrEqual(0);
    expect(rows.length - created).toBeLessThanOrEqual(1);
    await expectExactlyOnce(
      rows.map((r) => r.title),
      implementerEmail,
      s.implementer.session.userId,
    );
    await expectQuiet();
  }, 120_000);

  it('after 5 PostgreSQL restarts the worker holds exactly one LISTEN connection, and it still wakes the relay', async () => {
    for (let n = 0; n < 5; n++) {
      await pg.stop();
      await sleep(800);
      await pg.start();
      await sleep(1200);
    }
    const listeners = async () =>
      (
        await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'tandem-outbox-listener'`,
        )
      )[0].n;
    await waitUntil('one listener', async () => (await listeners()) === 1, 20_000);
    await sleep(3000);
    expect(await listeners()).toBe(1);
    expect(stack.exits).toEqual([]);
    const title = `after-restarts-${randomUUID().slice(0, 8)}`;
    expect((await createTask(title, s.implementer.organizationId)).status).toBe(201);
    await expectExactlyOnce([title], implementerEmail, s.implementer.session.userId);
  }, 90_000);

  // --- Redis ---------------------------------------------------------------------------------

  it('Redis stopped during a burst of writes: each write succeeds or answers 503; nothing is lost once it is back', async () => {
    const prefix = `redis-outage-${randomUUID().slice(0, 8)}`;
    const statuses: number[] = [];
    const burst = async (from: number, to: number) => {
      for (let k = from; k < to; k++) {
        const res = await createTask(`${prefix} ${k}`, s.implementer.organizationId);
        statuses.push(res.status);
      }
    };
    await burst(0, 5);
    await stack.redis.stop();
    await burst(5, 20);
    await sleep(2000);
    await stack.redis.start();
    await burst(20, 25);
    expect(statuses.every((st) => st === 201 || st === 503)).toBe(true);
    const rows = await tasksTitled(prefix);
    expect(rows.length).toBe(statuses.filter((st) => st === 201).length);
    await expectExactlyOnce(
      rows.map((r) => r.title),
      implementerEmail,
      s.implementer.session.userId,
    );
    await expectQuiet();
    expect(stack.exits).toEqual([]);
  }, 120_000);

  // --- worker SIGTERM / SIGKILL in the middle of a 2,000-recipient fan-out -------------------

  let bulkEmails: string[] = [];

  it(`worker SIGTERM in the middle of a ${BULK}-recipient fan-out: exits 0, 0 duplicates, 0 lost, the rest picked up at once by the next worker`, async () => {
    bulkEmails = await seedMembers(s.provider.organizationId, BULK, 'p');
    const recipients = BULK + 1; // and the provider's org admin
    const title = `bulk-sigterm-${randomUUID().slice(0, 8)}`;
    expect((await createTask(title, s.provider.organizationId)).status).toBe(201);
    await waitUntil('a few hundred e-mails', async () => mailsAbout(title).length >= 300, 60_000, 20);
    const code = await stack.signal('worker', 0, 'SIGTERM');
    expect(code).toBe(0);
    const atExit = mailsAbout(title).length;
    expect(atExit).toBeLessThan(recipients);
    // Nothing left active: the batches checkpointed instead of holding their locks.
    expect(Object.values(await stack.activeJobs()).every((n) => n === 0)).toBe(true);

    await stack.startWorker(0);
    const started = Date.now(); // the new worker is up (it logged "processing queues")
    const resumedAt = await waitUntil('the first e-mail of the rest', async () =>
      mailsAbout(title).length > atExit ? Date.now() : undefined,
    );
    const resumeMs = resumedAt - started;
    expect(resumeMs).toBeLessThan(5000);
    await waitUntil('every recipient', async () => perRecipient(title).size === recipients, 90_000, 200);
    await sleep(1500);
    const per = perRecipient(title);
    expect(per.size).toBe(recipients);
    expect([...per.values()].filter((m) => m.length !== 1)).toEqual([]);
    expect(new Set(mailsAbout(title).map((m) => m.messageId)).size).toBe(recipients);
    expect(bulkEmails.every((e) => per.has(e)) && per.has(providerEmail)).toBe(true);
    await expectQuiet();
    process.stdout.write(
      `faults: SIGTERM after ${atExit}/${recipients} e-mails; rest resumed ${resumeMs} ms after the new worker started\n`,
    );
  }, 180_000);

  it(`worker SIGKILL at the same point: 0 lost; repeats only of messages in flight (≤ SMTP_POOL_SIZE), with the same Message-ID`, async () => {
    const recipients = BULK + 1;
    const title = `bulk-sigkill-${randomUUID().slice(0, 8)}`;
    expect((await createTask(title, s.provider.organizationId)).status).toBe(201);
    await waitUntil('a few hundred e-mails', async () => mailsAbout(title).length >= 300, 60_000, 20);
    await stack.signal('worker', 0, 'SIGKILL');
    await stack.startWorker(0);
    await waitUntil('every recipient', async () => perRecipient(title).size === recipients, 120_000, 200);
    await expectQuiet();
    await sleep(LEASE_MS + 1000);
    const per = perRecipient(title);
    expect(per.size).toBe(recipients);
    const repeated = [...per.values()].filter((m) => m.length > 1);
    expect(repeated.length).toBeLessThanOrEqual(POOL);
    for (const mails of repeated) expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    const [{ unsent }] = await stack.query<{ unsent: number }>(
      `SELECT count(*)::int AS unsent FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
         JOIN tasks t ON t.id = n.subject_id WHERE t.title = $1 AND d.status <> 'sent'`,
      [title],
    );
    expect(unsent).toBe(0);
    process.stdout.write(
      `faults: SIGKILL repeated ${repeated.length} message(s) (window: in flight, ≤ ${POOL})\n`,
    );
  }, 180_000);

  // --- api SIGTERM ---------------------------------------------------------------------------

  it('api SIGTERM with requests in flight: every request already received completes; readiness 503 during the drain; exit 0', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const port = stack.apiPorts[0];
    const call = (method: string, path: string, body?: unknown) =>
      new Promise<number>((resolve, reject) => {
        const payload = body ? JSON.stringify(body) : undefined;
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: {
              Authorization: `Bearer ${s.manager.token}`,
              ...(payload ? { 'Content-Type': 'application/json' } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    const prefix = `api-drain-${randomUUID().slice(0, 8)}`;
    // Warm the keep-alive pool, then send a wave and SIGTERM while it is in flight.
    await Promise.all(Array.from({ length: 10 }, () => call('GET', '/programmes')));
    const wave = Array.from({ length: 30 }, (_, k) =>
      k % 3 === 0
        ? call('POST', `/programmes/${s.programmeId}/tasks`, {
            title: `${prefix} ${k}`,
            assigneeOrganizationId: s.implementer.organizationId,
          })
        : call('GET', '/programmes'),
    );
    await sleep(5);
    const exited = stack.signal('api', 0, 'SIGTERM');
    const during: number[] = [];
    const readiness: number[] = [];
    const until = Date.now() + DRAIN_MS - 500;
    while (Date.now() < until) {
      readiness.push((await fetch(`http://127.0.0.1:${port}/health/ready`)).status);
      during.push(await call('GET', '/programmes'));
      await sleep(100);
    }
    const waveStatuses = await Promise.all(wave);
    expect(waveStatuses.every((st) => st === 200 || st === 201)).toBe(true);
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((st) => st === 200)).toBe(true);
    expect(readiness.every((st) => st === 503)).toBe(true);
    expect(await exited).toBe(0);
    agent.destroy();
    await stack.startApi(0);
    const rows = await tasksTitled(prefix);
    expect(rows.length).toBe(10);
    await expectExactlyOnce(
      rows.map((r) => r.title),
      implementerEmail,
      s.implementer.session.userId,
    );
  }, 90_000);

  // --- two replicas of each ------------------------------------------------------------------

  it('two api and two worker replicas, one of each killed and restarted during a mixed write load: exact counts', async () => {
    const hook = await stack
      .http()
      .post(`/organizations/${s.implementer.organizationId}/webhooks`)
      .set(bearer(s.implementer.session))
      .send({ url: receiver.url('/faults'), eventTypes: ['task.assigned'] });
    expect(hook.status).toBe(201);
    receiver.secrets.set('/faults', hook.body.secret);
    await stack.startApi(1);
    await stack.startWorker(1);
    const prefix = `replicas-${randomUUID().slice(0, 8)}`;
    const created: string[] = [];
    const refused: number[] = [];
    for (let k = 0; k < 45; k++) {
      if (k === 15) {
        await stack.signal('api', 1, 'SIGKILL');
        await stack.signal('worker', 1, 'SIGKILL');
      }
      if (k === 30) {
        await stack.startApi(1);
        await stack.startWorker(1);
      }
      const api = k % 2; // phase 1: half the requests hit the dead replica (refused)
      const title = `${prefix} ${k}`;
      const res = await createTask(title, s.implementer.organizationId, api).catch(() => undefined);
      if (res?.status === 201) created.push(title);
      else refused.push(res?.status ?? 0);
    }
    expect(refused.every((st) => st === 0)).toBe(true); // only connections the dead replica refused
    const rows = await tasksTitled(prefix);
    expect(rows.map((r) => r.title).sort()).toEqual([...created].sort());
    await expectExactlyOnce(created, implementerEmail, s.implementer.session.userId, POOL);
    // Webhooks: one event id per task, each delivered and accepted once.
    const ids = await stack.query<{ event_key: string }>(
      `SELECT wd.event_key FROM webhook_deliveries wd JOIN webhooks w ON w.id = wd.webhook_id
        WHERE w.id = $1`,
      [hook.body.id],
    );
    expect(ids.length).toBe(created.length);
    await waitUntil(
      'every webhook delivery',
      async () => ids.every((r) => receiver.acceptedCount('/faults', r.event_key) >= 1),
      60_000,
    );
    const accepted = ids.map((r) => receiver.acceptedCount('/faults', r.event_key));
    // At least once in one edge only (killed after the receiver's 2xx, before it was recorded).
    expect(accepted.filter((n) => n > 1).length).toBeLessThanOrEqual(POOL);
    await expectQuiet();
    await stack.signal('api', 1, 'SIGTERM');
    await stack.signal('worker', 1, 'SIGTERM');
  }, 180_000);

  // --- bulk producers stay humane --------------------------------------------------------------

  it('a 50,000-row placement import with past dates: one summary e-mail and one inbox item per person and day; an invitation sent during a bulk backlog arrives within seconds; Redis holds no job per check-in', async () => {
    const redis = new IORedis({ host: '127.0.0.1', port: stack.redis.port });
    const employer = await createOrganization(stack, s.admin, 'employer', 'Bulk Canning');
    const hr: Session = await onboardUser(
      stack,
      smtp,
      s.admin,
      employer,
      'hr@bulk-canning.test',
      'org_admin',
    );
    const memoryBefore = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    const COLUMNS =
      'participantReference,yearOfBirth,gender,countryOfOrigin,arrivalYear,statusCategory,languages,consentGivenAt,consentScope,programmeId,jobTitle,occupationCode,sector,startDate,contractType,hoursPerWeek';
    const row =
      ',1990,male,SY,2021,labour,ar;fr,2026-01-10T09:00:00Z,placement follow-up,,Cook,5120,I,2025-01-06,permanent,40';
    const ROWS = 50_000;
    const csv = [COLUMNS, ...Array.from({ length: ROWS }, () => row)].join('\r\n') + '\r\n';
    const upload = await stack
      .http()
      .post('/placements/imports')
      .set(bearer(hr))
      .field('employerOrganizationId', employer)
      .attach('file', Buffer.from(csv), { filename: 'placements.csv', contentType: 'text/csv' });
    expect([200, 201, 202]).toContain(upload.status);

    // Meanwhile a bulk backlog on the e-mail side (a fan-out to 2,000) and an interactive e-mail.
    const backlog = `bulk-backlog-${randomUUID().slice(0, 8)}`;
    expect((await createTask(backlog, s.provider.organizationId)).status).toBe(201);
    await waitUntil('the backlog to start', async () => mailsAbout(backlog).length >= 50, 60_000, 20);
    const invitedAt = Date.now();
    const invitee = `newcomer-${randomUUID().slice(0, 6)}@bulk-canning.test`;
    await stack
      .http()
      .post(`/organizations/${employer}/invitations`)
      .set(bearer(hr))
      .send({ email: invitee, role: 'member' })
      .expect(201);
    await smtp.waitFor(invitee, 30_000);
    const invitationMs = Date.now() - invitedAt;
    const backlogLeft = BULK + 1 - mailsAbout(backlog).length;
    expect(invitationMs).toBeLessThan(10_000);

    const imported = await waitUntil(
      'the import',
      async () => {
        const res = await stack.http().get(`/placements/imports/${upload.body.id}`).set(bearer(hr));
        return ['completed', 'rejected', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      150_000,
      500,
    );
    expect(imported.status).toBe('completed');
    const due = async () =>
      (
        await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
            WHERE pl.employer_organization_id = $1 AND rc.status = 'due'`,
          [employer],
        )
      )[0].n;
    await waitUntil('every check-in opened', async () => (await due()) === ROWS * 3, 60_000, 500);
    const summaries = () => smtp.to(hr.email).filter((m) => /retention check-ins/.test(m.subject));
    await waitUntil('the summary e-mail', async () => summaries().length >= 1, 30_000);
    await sleep(3000); // several sweeps later: still one
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0].subject).toContain(`${ROWS * 3} retention check-ins`);
    const inbox = await stack
      .http()
      .get('/notifications')
      .query({ type: 'placement.check_in_due', limit: 100 })
      .set(bearer(hr))
      .expect(200);
    expect(inbox.body.items).toHaveLength(1);
    // Dates live in PostgreSQL: no job per check-in in Redis, and the import cost kilobytes there.
    expect(await redis.keys('bull:reminders:checkin*')).toEqual([]);
    const memoryAfter = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.quit();
    process.stdout.write(
      `faults: invitation e-mail ${invitationMs} ms during a bulk backlog (${backlogLeft} e-mails still queued); ` +
        `Redis used_memory ${memoryBefore} → ${memoryAfter} bytes across a ${ROWS}-row import\n`,
    );
    expect(memoryAfter - memoryBefore).toBeLessThan(2 * 1024 * 1024);
    await waitUntil('the backlog', async () => perRecipient(backlog).size === BULK + 1, 90_000, 200);
    await expectQuiet();
  }, 300_000);
});
