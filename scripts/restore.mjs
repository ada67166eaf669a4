// npm run restore -- <archive.tar> [--force] [--redispatch-hours N]
// Restores a `npm run backup` archive into an EMPTY database (refuses one with tables unless
// --force, which drops what the dump holds first) and an empty report directory, then checks the
// result against the manifest: migration head, every table's row count, every report file's size
// and sha256. Start the worker afterwards with an EMPTY Redis: it rebuilds the jobs from PostgreSQL
// (docs/operations.md).
import './lib/use-node24.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  connect,
  databaseUrl,
  describeFiles,
  die,
  findPgBin,
  listFiles,
  majorOf,
  MIGRATION_HEAD_SQL,
  pgExec,
  reportDir,
  reportsExec,
  ROW_COUNTS_SQL,
  runTool,
  SERVER_VERSION_SQL,
  sqlValue,
  USER_TABLES_SQL,
} from './lib/backup-tools.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const hoursAt = args.indexOf('--redispatch-hours');
const redispatchHours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 24;
const archive = args.find((a, i) => !a.startsWith('--') && (hoursAt < 0 || i !== hoursAt + 1));
if (!archive) die('usage: npm run restore -- <archive.tar> [--force] [--redispatch-hours N]', 2);
if (!existsSync(archive)) die(`no such archive: ${archive}`, 2);
if (!Number.isFinite(redispatchHours) || redispatchHours < 0) die('--redispatch-hours takes a number ≥ 0', 2);
const say = (m) => process.stdout.write(`${m}\n`);

const staging = mkdtempSync(path.join(os.tmpdir(), 'tandem-restore-'));
let client;
try {
  const x = spawnSync('tar', ['-xf', path.resolve(archive), '-C', staging]);
  if (x.status !== 0) die(`cannot read ${archive}: ${x.stderr}`);
  const manifestFile = path.join(staging, 'manifest.json');
  if (!existsSync(manifestFile) || !existsSync(path.join(staging, 'database.dump')))
    die(`${archive} is not a Tandem backup (no manifest.json or database.dump)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.format !== 'tandem-backup/1') die(`unknown backup format ${manifest.format}`);

  // 1. The archive is whole: every report file as the manifest lists it, nothing else.
  const staged = await describeFiles(path.join(staging, 'reports'));
  if (JSON.stringify(staged) !== JSON.stringify(manifest.reports))
    die('the report files in the archive do not match its manifest (damaged or altered archive)');

  // 2. The database is empty, unless --force.
  client = await connect().catch((err) => die(`cannot connect to the database: ${err.message}`));
  const tables = Number(await sqlValue(USER_TABLES_SQL, client));
  if (tables > 0 && !force)
    die(
      `the database already has ${tables} tables: restore into an empty database, or pass --force to replace them`,
      3,
    );
  const serverVersion = await sqlValue(SERVER_VERSION_SQL, client);

  // 3. pg_restore, in one transaction: all of the dump or nothing.
  const restoreArgs = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'];
  if (tables > 0) restoreArgs.push('--clean', '--if-exists');
  const dump = path.join(staging, 'database.dump');
  if (client) {
    const bin = findPgBin(majorOf(serverVersion));
    const pgRestore = bin.dir ? path.join(bin.dir, 'pg_restore') : 'pg_restore';
    await runTool('', [pgRestore, ...restoreArgs, `--dbname=${databaseUrl}`, dump]);
  } else {
    await runTool(pgExec, ['pg_restore', ...restoreArgs, `--dbname=${databaseUrl}`], {
      stdin: createReadStream(dump),
    });
  }
  say(`database restored into ${serverVersion}`);

  // 4. What the database holds now is what the manifest says it held.
  const head = (await sqlValue(MIGRATION_HEAD_SQL, client)) || null;
  if (head !== manifest.migrationHead)
    die(`migration head is ${head}, the manifest says ${manifest.migrationHead}`);
  const counts = JSON.parse(await sqlValue(ROW_COUNTS_SQL, client));
  const differ = Object.keys({ ...counts, ...manifest.tables }).filter(
    (t) => Number(counts[t] ?? -1) !== Number(manifest.tables[t] ?? -1),
  );
  if (differ.length) {
    const detail = differ.map((t) => `${t}: ${counts[t]} (manifest ${manifest.tables[t]})`).join(', ');
    if (manifest.consistentSnapshot) die(`row counts differ from the manifest: ${detail}`);
    say(`note: counts taken apart from the dump (TANDEM_PG_EXEC) differ: ${detail}`);
  }

  // 5. Jobs that were in Redis when the backup was taken are not in it. Events relayed shortly
  // before it may have had jobs still waiting or retrying there: send them through the relay again.
  // Every job handler is idempotent (deliveries and notifications are de-duplicated in PostgreSQL),
  // so a job that had in fact finished does nothing the second time.
  const redispatched = await sqlValue(
    `WITH r AS (UPDATE outbox_events SET dispatched_at = NULL
                 WHERE dispatched_at > '${new Date(manifest.createdAt).toISOString()}'::timestamptz - make_interval(hours => ${redispatchHours})
                RETURNING 1)
     SELECT count(*)::text FROM r`,
    client,
  );

  // 6. Report files, checked after copying.
  if (reportsExec) {
    const listed = (await runTool(reportsExec, ['sh', '-c', `find '${reportDir}' -type f | head -1`])).trim();
    if (listed && !force) die(`${reportDir} is not empty: pass --force to restore over it`, 3);
    const tarFile = path.join(staging, 'reports.tar');
    const t = spawnSync('tar', ['-cf', tarFile, '-C', path.join(staging, 'reports'), '.']);
    if (t.status !== 0) die(`tar failed: ${t.stderr}`);
    await runTool(reportsExec, ['tar', '-C', reportDir, '-xf', '-'], { stdin: createReadStream(tarFile) });
    const sums = await runTool(reportsExec, [
      'sh',
      '-c',
      `cd '${reportDir}' && find . -type f -exec sha256sum {} +`,
    ]);
    const have = new Map(
      sums
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [sum, file] = l.split(/\s+\*?/);
          return [file.replace(/^\.\//, ''), sum];
        }),
    );
    const bad = manifest.reports.filter((f) => have.get(f.path) !== f.sha256);
    if (bad.length) die(`report files differ after restore: ${bad.map((f) => f.path).join(', ')}`);
  } else {
    if (listFiles(reportDir).length && !force)
      die(`${reportDir} is not empty: pass --force to restore over it`, 3);
    mkdirSync(reportDir, { recursive: true });
    cpSync(path.join(staging, 'reports'), reportDir, { recursive: true });
    const restored = new Map((await describeFiles(reportDir)).map((f) => [f.path, f]));
    const bad = manifest.reports.filter((f) => restored.get(f.path)?.sha256 !== f.sha256);
    if (bad.length) die(`report files differ after restore: ${bad.map((f) => f.path).join(', ')}`);
  }
  say(
    `restored ${Object.keys(counts).length} tables (counts match the manifest), migration head ${head}, ` +
      `${manifest.reports.length} report files (sha256 match); ${redispatched} outbox events of the last ` +
      `${redispatchHours} h before the backup will be relayed again.\n` +
      `Next: start the worker against an EMPTY Redis (e.g. FLUSHALL on the one it uses): it rebuilds report ` +
      `schedules from PostgreSQL, and its sweeps find reminders, check-ins and consultation dates in their rows.`,
  );
} finally {
  await client?.end().catch(() => undefined);
  rmSync(staging, { recursive: true, force: true });
}
