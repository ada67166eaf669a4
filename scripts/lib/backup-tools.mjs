// Shared by scripts/backup.mjs and scripts/restore.mjs: where pg_dump/pg_restore/psql and the report
// files are reached, and the SQL the manifest is made of.
//
// Two modes:
// - local (default): the `pg` client and a local pg_dump/pg_restore whose major version is at least
//   the server's (PG_BIN_DIR, then Debian's /usr/lib/postgresql/<major>/bin, then PATH), and the
//   report directory REPORT_STORAGE_DIR on this machine.
// - through containers (the compose deployment): TANDEM_PG_EXEC is a command prefix that runs the
//   PostgreSQL tools where they match the server, e.g.
//   `docker compose -p tandem -f docker/compose.yml exec -T postgres`, and TANDEM_REPORTS_EXEC one
//   that runs `tar`/`sha256sum` where the report volume is mounted (`... exec -T api`).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const pgExec = process.env.TANDEM_PG_EXEC?.trim() || '';
export const reportsExec = process.env.TANDEM_REPORTS_EXEC?.trim() || '';
export const databaseUrl =
  process.env.DATABASE_URL || (pgExec ? 'postgresql:///tandem?user=tandem' : undefined);
export const reportDir =
  process.env.REPORT_STORAGE_DIR || (reportsExec ? '/var/lib/tandem/reports' : './.data/reports');

export function die(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const quote = (a) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(a) ? a : `'${String(a).replace(/'/g, `'\\''`)}'`);

/** Spawns `args` directly, or through `prefix` (a shell command prefix) when one is given. */
export function spawnTool(prefix, args, options = {}) {
  return prefix
    ? spawn('sh', ['-c', `${prefix} ${args.map(quote).join(' ')}`], options)
    : spawn(args[0], args.slice(1), options);
}

/** Runs a tool to completion; resolves its stdout (unless piped elsewhere), rejects with its stderr. */
export function runTool(prefix, args, { stdin, stdout } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnTool(prefix, args, { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    if (stdout) child.stdout.pipe(stdout);
    else child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    if (stdin) stdin.pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${args[0]} exited ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

export const majorOf = (versionText) => Number(/(\d+)(?:\.\d+)?/.exec(versionText)?.[1] ?? NaN);

/**
 * The directory of PostgreSQL client tools to use locally: the lowest major that is at least the
 * server's (pg_dump refuses a newer server; an older client cannot read its catalogue).
 */
export function findPgBin(serverMajor) {
  const candidates = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  if (existsSync('/usr/lib/postgresql'))
    for (const d of readdirSync('/usr/lib/postgresql')) candidates.push(`/usr/lib/postgresql/${d}/bin`);
  candidates.push('');
  const found = [];
  for (const dir of candidates) {
    const bin = dir ? path.join(dir, 'pg_dump') : 'pg_dump';
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (r.status === 0)
      found.push({ dir, major: majorOf(r.stdout.replace(/^\D+/, '')), version: r.stdout.trim() });
  }
  const fit = found.filter((f) => f.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
  if (!fit) {
    die(
      `PostgreSQL server is ${serverMajor}, and no pg_dump here is that recent (found: ${
        [...new Set(found.map((f) => f.version))].join(', ') || 'none'
      }).\n` +
        `Install client tools of major ${serverMajor} or newer and set PG_BIN_DIR to their bin directory, ` +
        `or run the tools beside the server with TANDEM_PG_EXEC (see docs/operations.md).`,
    );
  }
  return fit;
}

/** One SQL statement returning one value (JSON text where it is an object), by `pg` or by psql through TANDEM_PG_EXEC. */
export async function sqlValue(query, client) {
  if (client) {
    const r = await client.query({ text: query, rowMode: 'array' });
    return r.rows[0]?.[0];
  }
  const out = await runTool(pgExec, [
    'psql',
    `--dbname=${databaseUrl}`,
    '-XAtq',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    query,
  ]);
  return out.replace(/\n$/, '');
}

export async function connect() {
  if (pgExec) return undefined;
  if (!databaseUrl) die('DATABASE_URL is not set (the database to back up or restore into)');
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'tandem-backup' });
  await client.connect();
  return client;
}

/** Exact row counts of every table in the public schema, as a JSON object text. */
export const ROW_COUNTS_SQL = `
  SELECT coalesce(json_object_agg(table_name, n ORDER BY table_name), '{}')::text FROM (
    SELECT table_name,
           (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint AS n
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE') t`;

export const MIGRATION_HEAD_SQL = `
  SELECT CASE WHEN to_regclass('public.migrations') IS NULL THEN NULL
              ELSE (xpath('/row/name/text()', query_to_xml('SELECT name FROM public.migrations ORDER BY id DESC LIMIT 1', false, true, '')))[1]::text END`;

/** Tables outside PostgreSQL's own schemas: a database with any is not empty. */
export const USER_TABLES_SQL = `
  SELECT count(*)::text FROM information_schema.tables
   WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'`;

export const SERVER_VERSION_SQL = `SELECT current_setting('server_version')`;

export async function sha256Of(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Files under `dir`, relative paths with forward slashes, sorted. */
export function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

export async function describeFiles(dir) {
  const files = [];
  for (const rel of listFiles(dir)) {
    const full = path.join(dir, rel);
    files.push({ path: rel, size: statSync(full).size, sha256: await sha256Of(full) });
  }
  return files;
}
