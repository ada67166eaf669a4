import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { TestSmtpServer } from './smtp';

const ROOT = path.resolve(__dirname, '../..');
export const ADMIN = { email: 'admin@tandem.test', password: 'Platform-Root-Pass-2026' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Creates a database copied from the migrated template. Refuses any name without "test". */
export async function createTestDatabase(
  name = `tandem_test_${randomBytes(4).toString('hex')}`,
  template: string | null = process.env.TANDEM_TEST_TEMPLATE_DB!,
): Promise<string> {
  if (!/test/.test(name)) throw new Error(`refusing to use database "${name}": its name must contain "test"`);
  const admin = new Client({ connectionString: process.env.TANDEM_TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  return process.env.TANDEM_TEST_PG_URL!.replace(/\/postgres$/, `/${name}`);
}

/** A redis-server of this suite's own, on loopback, append-only so a restart keeps its jobs. */
export class TestRedis {
  private child?: ChildProcess;
  port = 0;
  private dir = '';

  async start(): Promise<this> {
    if (!this.port) {
      this.port = await freePort();
      this.dir = path.join(process.env.TANDEM_TEST_DIR ?? path.join(ROOT, '.test'), `redis-${this.port}`);
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(
        path.join(this.dir, 'redis.conf'),
        [
          `port ${this.port}`,
          'bind 127.0.0.1',
          `dir ${this.dir}`,
          'appendonly yes',
          'appendfsync always',
          'maxmemory-policy noeviction',
          'save ""',
        ].join('\n'),
      );
    }
    this.child = spawn('redis-server', [path.join(this.dir, 'redis.conf')], { stdio: 'ignore' });
    await waitUntil(
      () =>
        new Promise((resolve) => {
          const s = net.connect(this.port, '127.0.0.1', () => (s.end(), resolve(true)));
          s.on('error', () => resolve(false));
        }),
      'redis',
    );
    return this;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

export interface StackOptions {
  smtp: TestSmtpServer;
  env?: Record<string, string>;
  /** A database of the suite's own making instead of a copy of the migrated template. */
  databaseUrl?: string;
}

/** One suite's Tandem: its own database, Redis, api process and worker process. */
export class TestStack {
  readonly redis = new TestRedis();
  databaseUrl = '';
  apiPort = 0;
  metricsPort = 0;
  private api?: ChildProcess;
  private worker?: ChildProcess;
  private readonly replicas: ChildProcess[] = [];
  private logs: string[] = [];

  constructor(private readonly options: StackOptions) {}

  get env(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(this.apiPort),
      METRICS_PORT: String(this.metricsPort),
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      SMTP_URL: `smtp://127.0.0.1:${this.options.smtp.port}`,
      MAIL_FROM: 'Tandem <no-reply@tandem.test>',
      PUBLIC_URL: 'http://tandem.test',
      JWT_ACCESS_SECRET: 'test-access-secret-0123456789abcdef0123',
      JWT_REFRESH_SECRET: 'test-refresh-secret-0123456789abcdef012',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env.TANDEM_TEST_LOG_LEVEL ?? 'warn',
      OUTBOX_POLL_MS: '500',
      JOB_LOCK_MS: '3000',
      CHECK_IN_SWEEP_MS: '1000',
      TASK_REMINDER_SWEEP_MS: '1000',
      // Consultations open and close, and reminders go out, within a second of their dates here.
      CONSULTATION_SWEEP_MS: '1000',
      AGREEMENT_REMINDER_SWEEP_MS: '1000',
      // A killed worker's in-flight e-mails are re-sent once their lease runs out: keep it short here.
      EMAIL_LEASE_MS: '4000',
      ...this.options.env,
    };
  }

  async start(): Promise<this> {
    this.databaseUrl = this.options.databaseUrl ?? (await createTestDatabase());
    await this.redis.start();
    this.apiPort = await freePort();
    this.metricsPort = await freePort();
    await this.startApi();
    await this.startWorker();
    return this;
  }

  private spawnApp(app: 'api' | 'worker', extraEnv: Record<string, string> = {}): ChildProcess {
    // The worker logs at info so the suite can see it start.
    const env = { ...(app === 'worker' ? { ...this.env, LOG_LEVEL: 'info' } : this.env), ...extraEnv };
    const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/${app}/main.js`)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (b: Buffer) => {
      this.logs.push(`[${app}] ${b.toString()}`);
      if (this.logs.length > 500) this.logs.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  async startApi(): Promise<void> {
    this.api = this.spawnApp('api');
    await waitUntil(
      async () => (await fetch(`${this.baseUrl}/health/live`)).ok,
      `api (logs: ${this.logs.join('').slice(-2000)})`,
    );
  }

  /**
   * One more api process on the same database and Redis (a replica behind the same load balancer),
   * on its own port, without a metrics port; stopped with the stack. Returns its base URL.
   */
  async startApiReplica(): Promise<string> {
    const port = await freePort();
    this.replicas.push(this.spawnApp('api', { PORT: String(port), METRICS_PORT: '0' }));
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await fetch(`${url}/health/live`)).ok,
      `api replica (logs: ${this.logs.join('').slice(-2000)})`,
    );
    return url;
  }

  async startWorker(): Promise<void> {
    const before = this.logs.filter((l) => l.includes('processing queues')).length;
    this.worker = this.spawnApp('worker');
    await waitUntil(
      async () => this.logs.filter((l) => l.includes('processing queues')).length > before,
      `worker (logs: ${this.logs.join('').slice(-2000)})`,
    );
  }

  /** SIGTERM to the api and the worker, waiting for both to exit (Redis keeps running). */
  async stopApps(): Promise<void> {
    for (const child of [this.api, this.worker]) {
      // A process that ended by a signal has a null exitCode: check both.
      if (child && child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
      }
    }
  }

  /** SIGKILL: no graceful shutdown, as when a machine dies. */
  async killWorker(): Promise<void> {
    const w = this.worker;
    if (!w || w.exitCode !== null) return;
    await new Promise((resolve) => {
      w.once('exit', resolve);
      w.kill('SIGKILL');
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  http() {
    return request(this.baseUrl);
  }

  /** The metrics port (METRICS_PORT on 127.0.0.1), apart from the API's. */
  metrics() {
    return request(`http://127.0.0.1:${this.metricsPort}`);
  }

  recentLogs(): string {
    return this.logs.join('');
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    for (const child of [this.api, this.worker, ...this.replicas]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
      }
    }
    await this.redis.stop();
  }
}
