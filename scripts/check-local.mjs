// Proves that `npm run local` works from a fresh checkout: node scripts/check-local.mjs [dir]
//
// `dir` is the checkout to run in (default: this repository). The launcher runs with an empty data
// directory and free ports, so it installs/builds if needed, initialises PostgreSQL, migrates and seeds.
//   1st run: waits for the `TANDEM_READY {json}` line, checks GET /health/ready = 200 and the web console
//            (`/` redirects to /app/, which serves the page and its script), signs in with every
//            printed login (admin included), finds work on every demo login's home (tasks, programmes;
//            an open consultation to answer, a due check-in), sends an invitation and waits for it in
//            the mail sink, then sends SIGINT and expects exit 0 within 30 s with every port released.
//   2nd run: same data directory: the cluster restarts, the seed changes nothing, a token from the 1st run
//            is still valid (persisted secrets); SIGTERM, exit 0, ports released.
//   3rd run: LOCAL_EXIT_AFTER_READY=1: prints TANDEM_READY and exits 0 by itself.
// Exits non-zero with a message on the first failure. CHECK_VERBOSE=1 echoes the api/worker logs too.
import './lib/use-node24.mjs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from './lib/services.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? here);
const READY_TIMEOUT_MS = Number(process.env.CHECK_READY_TIMEOUT_MS) || 15 * 60_000; // may npm install + build
const EXIT_TIMEOUT_MS = 30_000;
const verbose = Boolean(process.env.CHECK_VERBOSE);

const log = (msg) => process.stdout.write(`[check] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class CheckFailed extends Error {}
const fail = (msg) => {
  throw new CheckFailed(msg);
};

let current = null; // the running launcher
let dataDir = null; // kept after a failure, for a look at postgres.log, mail/, secrets.json
const tail = [];

function keep(line) {
  tail.push(line);
  if (tail.length > 120) tail.shift();
}

/** Spawns the launcher in its own process group (so we can clean up everything if it misbehaves). */
function launch(env) {
  const child = spawn(process.execPath, ['scripts/local.mjs'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines = [];
  const waiters = [];
  const onLine = (line, stream) => {
    keep(line);
    const isApp = /^\[(api|worker|seed|migrate)\]/.test(line);
    if (verbose || !isApp) (stream === 'err' ? process.stderr : process.stdout).write(`  | ${line}\n`);
    if (stream === 'out') {
      lines.push(line);
      for (const w of [...waiters]) w();
    }
  };
  readline.createInterface({ input: child.stdout }).on('line', (l) => onLine(l, 'out'));
  readline.createInterface({ input: child.stderr }).on('line', (l) => onLine(l, 'err'));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const state = { exit: null };
  exited.then((e) => {
    state.exit = e;
    for (const w of [...waiters]) w();
  });

  /** Resolves with the first stdout line matching `re`; rejects if the launcher exits or time runs out. */
  const waitForLine = (re, timeoutMs, what) =>
    new Promise((resolve, reject) => {
      let from = 0;
      const check = () => {
        for (; from < lines.length; from++) {
          const m = lines[from].match(re);
          if (m) return done(() => resolve(m));
        }
        if (state.exit)
          done(() =>
            reject(new CheckFailed(`the launcher exited (${describeExit(state.exit)}) before ${what}`)),
          );
      };
      const timer = setTimeout(
        () => done(() => reject(new CheckFailed(`no ${what} within ${timeoutMs / 1000} s`))),
        timeoutMs,
      );
      const done = (fn) => {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        fn();
      };
      waiters.push(check);
      check();
    });

  const waitForExit = async (timeoutMs) => Promise.race([exited, sleep(timeoutMs).then(() => null)]);

  current = { child, exited, state };
  return { child, waitForLine, waitForExit, state };
}

const describeExit = ({ code, signal }) => (signal ? `signal ${signal}` : `exit ${code}`);

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

async function http(method, url, { body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (err) {
    fail(`${method} ${url}: ${err?.cause?.code ?? err?.message ?? err}`);
  }
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}

async function readyInfo(launcher) {
  const m = await launcher.waitForLine(/^TANDEM_READY (\{.*\})\s*$/, READY_TIMEOUT_MS, 'TANDEM_READY line');
  let info;
  try {
    info = JSON.parse(m[1]);
  } catch {
    fail(`TANDEM_READY is not JSON: ${m[1]}`);
  }
  if (typeof info.url !== 'string' || !/^https?:\/\//.test(info.url))
    fail(`TANDEM_READY has no url: ${m[1]}`);
  if (!Array.isArray(info.logins) || info.logins.length === 0) fail('TANDEM_READY lists no logins');
  for (const l of info.logins) {
    if (!l.email || !l.password || !l.role) fail(`incomplete login in TANDEM_READY: ${JSON.stringify(l)}`);
  }
  if (!info.logins.some((l) => /admin/i.test(l.role) && /platform/i.test(l.role)))
    fail('TANDEM_READY lists no platform admin login');
  if (info.logins.length < 2) fail('TANDEM_READY lists no demo logins');
  return info;
}

async function checkHealth(info) {
  const res = await http('GET', `${info.url}/health/ready`);
  if (res.status !== 200)
    fail(`GET ${info.url}/health/ready answered ${res.status}: ${res.text.slice(0, 300)}`);
  log(`GET ${info.url}/health/ready -> 200`);
}

/** The web console: `/` redirects to it, and /app/ serves its page with its scripts. */
async function checkConsole(info) {
  const url = info.console ?? `${info.url}/app/`;
  let root;
  try {
    root = await fetch(`${info.url}/`, {
      redirect: 'manual',
      signal: globalThis.AbortSignal.timeout(15_000),
    });
  } catch (err) {
    fail(`GET ${info.url}/: ${err?.cause?.code ?? err?.message ?? err}`);
  }
  if (root.status !== 302 || root.headers.get('location') !== '/app/')
    fail(
      `GET ${info.url}/ answered ${root.status} (location ${root.headers.get('location')}), not a redirect to /app/`,
    );
  const page = await http('GET', url);
  if (page.status !== 200 || !page.text.includes('<div id="root">'))
    fail(`GET ${url} answered ${page.status}: ${page.text.slice(0, 300)}`);
  const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(page.text);
  if (!script) fail(`GET ${url} references no script: ${page.text.slice(0, 300)}`);
  const js = await http('GET', `${info.url}${script[1]}`);
  if (js.status !== 200 || js.text.length < 1000) fail(`GET ${script[1]} answered ${js.status}`);
  log(`GET ${info.url}/ -> 302 /app/, GET ${url} -> 200, its script -> 200`);
}

async function login(info, { email, password, role }) {
  const res = await http('POST', `${info.url}/auth/login`, { body: { email, password } });
  if (res.status !== 200 || !res.json?.accessToken)
    fail(`login as ${role} ${email} answered ${res.status}: ${res.text.slice(0, 300)}`);
  const me = await http('GET', `${info.url}/auth/me`, { token: res.json.accessToken });
  if (me.status !== 200) fail(`GET /auth/me as ${email} answered ${me.status}: ${me.text.slice(0, 300)}`);
  const shown = JSON.stringify(me.json ?? '').toLowerCase();
  if (!shown.includes(email.toLowerCase()))
    fail(`GET /auth/me as ${email} does not show that e-mail: ${me.text.slice(0, 300)}`);
  log(`login ${role.padEnd(20)} ${email} -> 200`);
  return res.json.accessToken;
}

/**
 * The living demo city (docs/demo-city.md): every demo login's home page has work. Reads what the
 * console's home reads: its tasks and programmes, and, across all logins, an open consultation still
 * to answer and a due retention check-in.
 */
async function checkDemoHomes(info, tokens) {
  const items = async (token, url) => {
    const res = await http('GET', `${info.url}${url}`, { token });
    if (res.status !== 200) fail(`GET ${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res.json?.items ?? [];
  };
  let toAnswer = 0;
  let dueCheckIns = 0;
  for (const l of info.logins.filter((x) => !/platform/i.test(x.role))) {
    const token = tokens.get(l.email);
    const tasks = await items(token, '/me/tasks?limit=50');
    const programmes = await items(token, '/programmes?limit=100');
    if (!tasks.length || !programmes.length)
      fail(
        `the demo city gives ${l.role} ${l.email} no work: ${tasks.length} tasks, ${programmes.length} programmes`,
      );
    const open = await items(token, '/consultations?status=open&limit=50');
    for (const c of open) {
      const mine = await http('GET', `${info.url}/consultations/${c.id}/responses/mine`, { token });
      if (mine.status === 404) toAnswer += 1;
    }
    dueCheckIns += (await items(token, '/check-ins?status=due&limit=50')).length;
    log(`home ${l.role.padEnd(20)} ${tasks.length} tasks, ${programmes.length} programmes`);
  }
  if (!toAnswer) fail('no demo login has an open consultation to answer');
  if (!dueCheckIns) fail('no demo login has a due retention check-in');
  log(`demo homes: ${toAnswer} consultations to answer, ${dueCheckIns} due check-ins`);
}

/** Admin invites someone; the worker sends the e-mail, which must reach the local sink. */
async function checkMail(info, launcher, adminToken) {
  if (!info.mailDir) return log('mail: external SMTP_URL, not checked');
  const orgs = await http('GET', `${info.url}/organizations`, { token: adminToken });
  if (orgs.status !== 200) fail(`GET /organizations answered ${orgs.status}: ${orgs.text.slice(0, 300)}`);
  const list = Array.isArray(orgs.json) ? orgs.json : (orgs.json?.items ?? orgs.json?.data ?? []);
  const org = list.find((o) => o && typeof o.id === 'string');
  if (!org) fail(`GET /organizations listed no organisation: ${orgs.text.slice(0, 300)}`);
  const email = `check-${Date.now()}@example.test`;
  const inv = await http('POST', `${info.url}/organizations/${org.id}/invitations`, {
    token: adminToken,
    body: { email, role: 'member' },
  });
  if (inv.status !== 201)
    fail(`POST /organizations/${org.id}/invitations answered ${inv.status}: ${inv.text.slice(0, 300)}`);
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await launcher.waitForLine(new RegExp(`mail: .*${escaped}`), 60_000, `"mail: ${email}" line`);
  const files = fs.readdirSync(info.mailDir).filter((f) => f.endsWith('.eml'));
  if (!files.some((f) => fs.readFileSync(path.join(info.mailDir, f), 'utf8').includes(email))) {
    fail(`no .eml file for ${email} in ${info.mailDir}`);
  }
  log(`invitation e-mail to ${email} landed in ${info.mailDir}`);
}

async function expectExit0(launcher, what) {
  const result = await launcher.waitForExit(EXIT_TIMEOUT_MS);
  if (!result) fail(`the launcher did not exit within ${EXIT_TIMEOUT_MS / 1000} s after ${what}`);
  if (result.code !== 0)
    fail(`the launcher exited with ${describeExit(result)} after ${what}, expected exit 0`);
  log(`launcher exited 0 after ${what}`);
}

async function expectPortsReleased(info) {
  const ports = [info.port, info.postgresPort, info.redisPort].filter(Boolean);
  for (const port of ports) {
    let open = true;
    for (let i = 0; i < 20 && open; i++) {
      open = await listening(port);
      if (open) await sleep(250);
    }
    if (open) fail(`port ${port} still listens after the launcher exited (something was left running)`);
  }
  log(`ports ${ports.join(', ')} released`);
}

async function main() {
  if (!fs.existsSync(path.join(dir, 'scripts', 'local.mjs'))) fail(`${dir} has no scripts/local.mjs`);
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-local-check-'));
  dataDir = data;
  fs.chmodSync(data, 0o755); // PostgreSQL runs as another user when we are root
  const ports = new Set();
  while (ports.size < 3) ports.add(await freePort());
  const [apiPort, pgPort, redisPort] = [...ports];

  const env = { ...process.env };
  for (const k of [
    'DATABASE_URL',
    'REDIS_URL',
    'SMTP_URL',
    'PUBLIC_URL',
    'JWT_ACCESS_SECRET',
    'JWT_REFRESH_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'LOCAL_EXIT_AFTER_READY',
    'NODE_ENV',
    'PORT',
  ])
    delete env[k];
  Object.assign(env, {
    LOCAL_DATA_DIR: data,
    PORT: String(apiPort),
    LOCAL_PG_PORT: String(pgPort),
    LOCAL_REDIS_PORT: String(redisPort),
    NO_COLOR: '1',
  });
  log(`running \`node scripts/local.mjs\` in ${dir}`);
  log(`data ${data}, ports api ${apiPort}, postgres ${pgPort}, redis ${redisPort}`);

  // 1st run: fresh data directory, stopped with SIGINT.
  const started = Date.now();
  const first = launch(env);
  const info = await readyInfo(first);
  log(
    `ready after ${((Date.now() - started) / 1000).toFixed(1)} s at ${info.url} (${info.logins.length} logins)`,
  );
  if (new URL(info.url).port !== String(apiPort)) fail(`printed url ${info.url} is not on PORT=${apiPort}`);
  if (info.postgresPort !== pgPort || info.redisPort !== redisPort) {
    fail(
      `launcher used postgres ${info.postgresPort} / redis ${info.redisPort}, not the free ports ${pgPort} / ${redisPort}`,
    );
  }
  await checkHealth(info);
  await checkConsole(info);
  const tokens = new Map();
  for (const l of info.logins) tokens.set(l.email, await login(info, l));
  await checkDemoHomes(info, tokens);
  const admin = info.logins.find((l) => /platform/i.test(l.role));
  await checkMail(info, first, tokens.get(admin.email));
  if (!fs.existsSync(path.join(data, 'secrets.json'))) fail(`no secrets.json in ${data}`);
  log('sending SIGINT');
  process.kill(first.child.pid, 'SIGINT');
  await expectExit0(first, 'SIGINT');
  await expectPortsReleased(info);

  // 2nd run: same data: the cluster restarts, the seed changes nothing, tokens survive; stopped with SIGTERM.
  log('restarting on the same data');
  const second = launch(env);
  const again = await readyInfo(second);
  if (again.seeded !== false) fail('the seed ran again on existing data (expected seeded: false)');
  await checkHealth(again);
  const me = await http('GET', `${again.url}/auth/me`, { token: tokens.get(admin.email) });
  if (me.status !== 200)
    fail(`a token from the first run no longer works after restart (${me.status}): secrets not persisted?`);
  log('access token from the first run still valid after the restart');
  const demo = again.logins.find((l) => l !== admin && !/platform/i.test(l.role));
  await login(again, demo);
  log('sending SIGTERM');
  process.kill(second.child.pid, 'SIGTERM');
  await expectExit0(second, 'SIGTERM');
  await expectPortsReleased(again);

  // 3rd run: LOCAL_EXIT_AFTER_READY=1 prints the banner and stops by itself.
  log('once more with LOCAL_EXIT_AFTER_READY=1');
  const third = launch({ ...env, LOCAL_EXIT_AFTER_READY: '1' });
  const last = await readyInfo(third);
  await expectExit0(third, 'LOCAL_EXIT_AFTER_READY=1');
  await expectPortsReleased(last);

  fs.rmSync(data, { recursive: true, force: true });
  log(
    'OK: npm run local starts from scratch, serves /health/ready, every printed login works, and it stops cleanly',
  );
}

function abort(signal) {
  if (current && !current.state.exit) killGroup(current.child, 'SIGKILL');
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
process.on('SIGINT', () => abort('SIGINT'));
process.on('SIGTERM', () => abort('SIGTERM'));

main().catch(async (err) => {
  const msg = err instanceof CheckFailed ? err.message : (err?.stack ?? String(err));
  process.stderr.write(`\n[check] FAILED: ${msg}\n`);
  if (tail.length)
    process.stderr.write(
      `[check] last launcher output:\n${tail
        .slice(-60)
        .map((l) => `  | ${l}`)
        .join('\n')}\n`,
    );
  if (current && !current.state.exit) {
    // Let it clean up if it can, then make sure nothing it started survives.
    process.kill(current.child.pid, 'SIGINT');
    await Promise.race([current.exited, sleep(25_000)]);
  }
  if (current) killGroup(current.child, 'SIGKILL');
  if (dataDir) process.stderr.write(`[check] data kept in ${dataDir}\n`);
  process.exit(1);
});
