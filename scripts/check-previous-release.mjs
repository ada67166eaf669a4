// npm run check:previous-release
// Upgrades without downtime need the previous release's api to keep working on the new schema while
// replicas are replaced. This builds the previous release's api in a temporary git worktree, migrates a
// fresh database with THIS checkout's migrations, seeds it, starts the OLD api on it and runs a smoke:
// health, sign-in, list programmes, create a programme and a task.
//
// The previous release: PREVIOUS_RELEASE_REF if set, else the newest `v*` tag, else HEAD~1 (with no
// tags yet, the commit before this one: on main, the state before the last merge).
// Needs `npm run build` (this checkout's CLI runs the migrations and the seed). The old ref reuses this
// checkout's node_modules when its lockfile is the same, else gets its own `npm ci`
// (PREVIOUS_RELEASE_REUSE_NODE_MODULES=1 reuses them anyway: faster, less exact).
import './lib/use-node24.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres, startRedis } from './lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const say = (m) => console.log(`[previous-release ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);
const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
function must(r, what) {
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  return r;
}

const tag = git('describe', '--tags', '--abbrev=0', '--match', 'v*');
const ref = process.env.PREVIOUS_RELEASE_REF || (tag.status === 0 ? tag.stdout.trim() : 'HEAD~1');
const resolved = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
if (resolved.status !== 0 && !process.env.PREVIOUS_RELEASE_REF) {
  // A shallow clone has no previous commit to compare with: say so rather than fail the build.
  say(
    `SKIPPED: ${ref} is not in this clone's history (shallow clone?); set PREVIOUS_RELEASE_REF or fetch tags`,
  );
  process.exit(0);
}
const commit = must(resolved, `resolving ${ref}`).stdout.trim();
say(`previous release: ${ref} (${commit.slice(0, 12)})`);
if (!existsSync(path.join(root, 'dist/apps/cli/main.js'))) throw new Error('run `npm run build` first');

mkdirSync(path.join(root, '.test'), { recursive: true });
const dir = mkdtempSync(path.join(root, '.test', 'previous-release-'));
const tree = path.join(dir, 'tree');
const cleanups = [];
let api;
try {
  must(git('worktree', 'add', '--detach', tree, commit), 'git worktree add');
  cleanups.push(() => git('worktree', 'remove', '--force', tree));
  const sameLock =
    readFileSync(path.join(root, 'package-lock.json'), 'utf8') ===
    readFileSync(path.join(tree, 'package-lock.json'), 'utf8');
  // A different lockfile means different packages (one removed since, say): install the old ref's own.
  if (!sameLock && process.env.PREVIOUS_RELEASE_REUSE_NODE_MODULES !== '1') {
    say('lockfile differs: npm ci in the worktree');
    must(
      spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, encoding: 'utf8' }),
      'npm ci (old)',
    );
  } else {
    symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  }
  say('building the old api');
  must(
    spawnSync(path.join(root, 'node_modules/.bin/nest'), ['build', 'api'], { cwd: tree, encoding: 'utf8' }),
    'nest build api (old)',
  );

  const pg = await startPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
    fast: true,
  });
  cleanups.push(() => pg.stop());
  await pg.createDatabase('tandem_previous_release_test');
  const redis = await startRedis({ dir: path.join(dir, 'redis'), port: await freePort() });
  cleanups.push(() => redis.stop());
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: pg.url('tandem_previous_release_test'),
    REDIS_URL: redis.url,
    SMTP_URL: 'smtp://127.0.0.1:1',
    MAIL_FROM: 'Tandem <no-reply@tandem.test>',
    PUBLIC_URL: 'http://tandem.test',
    JWT_ACCESS_SECRET: 'previous-release-access-secret-0123456789',
    JWT_REFRESH_SECRET: 'previous-release-refresh-secret-012345678',
    ADMIN_EMAIL: 'admin@tandem.test',
    ADMIN_PASSWORD: 'Previous-Release-Pass-2026',
    LOG_LEVEL: 'warn',
    REPORT_STORAGE_DIR: path.join(dir, 'reports'),
  };
  say('migrating with the NEW migrations, seeding with the new CLI');
  const cli = (cmd) =>
    must(
      spawnSync(process.execPath, [path.join(root, 'dist/apps/cli/main.js'), cmd], {
        cwd: root,
        env,
        encoding: 'utf8',
      }),
      cmd,
    );
  cli('migrate');
  cli('seed');

  say('starting the OLD api');
  const logs = [];
  api = spawn(process.execPath, [path.join(tree, 'dist/apps/api/main.js')], {
    cwd: tree,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.on('data', (b) => logs.push(b.toString()));
  api.stderr.on('data', (b) => logs.push(b.toString()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (api.exitCode !== null || Date.now() > until)
      throw new Error(`old api did not become ready:\n${logs.join('').slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const call = async (method, url, body, token) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    return { status: res.status, body: json };
  };
  const expectStatus = (res, status, what) => {
    if (res.status !== status)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
    say(`ok  ${what}`);
    return res.body;
  };
  expectStatus(await call('GET', '/health/live'), 200, 'GET /health/live');
  // The seed's programme manager (apps/cli/src/seed.ts).
  const login = expectStatus(
    await call('POST', '/auth/login', {
      email: 'manager@welcomecentre.example',
      password: 'Tandem-demo-2026!',
    }),
    200,
    'POST /auth/login',
  );
  const token = login.accessToken;
  const me = expectStatus(await call('GET', '/auth/me', undefined, token), 200, 'GET /auth/me');
  const list = expectStatus(
    await call('GET', '/programmes?limit=10', undefined, token),
    200,
    'GET /programmes',
  );
  if (!Array.isArray(list.items)) throw new Error('GET /programmes: no items');
  const lead =
    me.memberships?.find((m) => m.role === 'org_admin')?.organizationId ??
    me.memberships?.[0]?.organizationId;
  const programme = expectStatus(
    await call(
      'POST',
      '/programmes',
      {
        title: 'Previous release smoke',
        summary: 'Created by the previous release api on the new schema',
        leadOrganizationId: lead,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        country: 'PT',
        city: 'Riverton',
        targetGroups: ['labour_migrants'],
        dimensions: ['economic'],
      },
      token,
    ),
    201,
    'POST /programmes',
  );
  expectStatus(
    await call(
      'POST',
      `/programmes/${programme.id}/tasks`,
      { title: 'Smoke task', assigneeOrganizationId: lead },
      token,
    ),
    201,
    'POST /programmes/{id}/tasks',
  );
  say(`the previous release's api (${ref}) runs on the new schema`);
} catch (err) {
  console.error(`[previous-release] FAILED: ${err.message}`);
  process.exitCode = 1;
} finally {
  if (api && api.exitCode === null && api.signalCode === null) {
    await new Promise((r) => {
      api.once('exit', r);
      api.kill('SIGTERM');
      setTimeout(() => api.kill('SIGKILL'), 10_000).unref();
    });
  }
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
