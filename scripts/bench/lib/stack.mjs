// The benchmark's throwaway stack: an embedded PostgreSQL and a redis-server (scripts/lib/services.mjs)
// under .test/bench-*, the schema migrated by the built CLI, and the BUILT api and worker as child
// processes (dist/apps/*, so `npm run build` first). Everything stops with stop().
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startPostgres, startRedis, waitForPort } from '../../lib/services.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);

export async function startStack() {
  mkdirSync(path.join(root, '.test'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.test', 'bench-'));
  const pgServer = await startPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
    fast: true,
  });
  await pgServer.createDatabase('tandem_bench_test');
  const databaseUrl = pgServer.url('tandem_bench_test');
  const redis = await startRedis({ dir: path.join(dir, 'redis'), port: await freePort() });
  const migrate = spawnSync(process.execPath, ['dist/apps/cli/main.js', 'migrate'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const children = new Set();
  const stack = {
    dir,
    databaseUrl,
    redisUrl: redis.url,
    db,
    /** The environment of the api and the worker: production mode, no rate limit in the way. */
    env(extra = {}) {
      return {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        SMTP_URL: 'smtp://127.0.0.1:1',
        MAIL_FROM: 'Tandem <no-reply@bench.test>',
        PUBLIC_URL: 'http://bench.test',
        JWT_ACCESS_SECRET: JWT_SECRET,
        JWT_REFRESH_SECRET: 'bench-refresh-secret-0123456789abcdef012',
        REPORT_STORAGE_DIR: path.join(dir, 'reports'),
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '200',
        API_RATE_LIMIT: '100000000',
        LOGIN_RATE_LIMIT: '100000',
        // `READ_CACHE_TTL_MS=0 npm run bench` measures the reads without the api's cache of responses.
        ...(process.env.READ_CACHE_TTL_MS ? { READ_CACHE_TTL_MS: process.env.READ_CACHE_TTL_MS } : {}),
        ...extra,
      };
    },
    /** Starts dist/apps/<app>/main.js; resolves once it listens (api) or after `settleMs` (worker). */
    async start(app, extra = {}, { settleMs = 4000 } = {}) {
      const port = app === 'api' ? await freePort() : undefined;
      const child = spawn(process.execPath, [path.join(root, `dist/apps/${app}/main.js`)], {
        cwd: root,
        env: this.env({
          ...(port ? { PORT: String(port) } : {}),
          METRICS_PORT: String(await freePort()),
          ...extra,
        }),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      if (port) await waitForPort(port, '127.0.0.1', 60_000);
      else await new Promise((r) => setTimeout(r, settleMs));
      return {
        child,
        pid: child.pid,
        url: port ? `http://127.0.0.1:${port}` : undefined,
        stop: () => stopChild(child),
      };
    },
    async stop() {
      for (const c of [...children]) await stopChild(c);
      await db.end().catch(() => undefined);
      await redis.stop();
      await pgServer.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

export const JWT_SECRET = 'bench-access-secret-0123456789abcdef0123';

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(t);
}

/** Peak and current resident set of a process, in kB (VmHWM, VmRSS of /proc/<pid>/status). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { hwm: Number(/VmHWM:\s+(\d+)/.exec(status)[1]), rss: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) };
}

/** Polls `check` until it returns a truthy value. */
export async function until(check, { every = 100, timeoutMs = 600_000, what = 'condition' } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Waits until the worker has nothing left to do: every outbox event relayed and no BullMQ job
 * waiting or active (delayed jobs are future work and do not count). A worker started on an empty
 * Redis first rebuilds its time-based work from PostgreSQL (RedisRebuild: one "(re)schedule" event
 * per row with delayed work; before the task reminder sweep that was one per open task with a due
 * date, 36,686 at the national scale); a scenario started before that backlog drains measures the
 * backlog, not itself.
 */
export async function settle(stack, { timeoutMs = 900_000 } = {}) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: null });
  const started = Date.now();
  try {
    // A worker on an empty Redis first writes its rebuild events (apps/worker/src/redis-rebuild.service.ts)
    // and then sets this marker: until it is there, an empty outbox proves nothing.
    await until(async () => (await redis.exists('tandem:redis-state')) === 1, {
      every: 500,
      timeoutMs,
      what: 'the worker to check Redis for its state',
    });
    await until(
      async () => {
        const { rows } = await stack.db.query(
          `SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL AND available_at <= now()`,
        );
        if (rows[0].n > 0) return false;
        let busy = 0;
        for (const key of await redis.keys('bull:*:meta')) {
          const q = key.slice(0, -'meta'.length);
          busy += (await redis.llen(`${q}wait`)) + (await redis.llen(`${q}active`));
          busy += await redis.zcard(`${q}prioritized`);
        }
        return busy === 0;
      },
      { every: 500, timeoutMs, what: 'the worker to settle' },
    );
  } finally {
    redis.disconnect();
  }
  return (Date.now() - started) / 1000;
}
