// npm run backup [-- <archive.tar>]
// One tar archive: manifest.json, database.dump (pg_dump custom format) and reports/ (the report
// storage directory). The row counts in the manifest and the dump come from one snapshot (local mode),
// so `npm run restore` can check the restored database against them. See docs/operations.md.
import './lib/use-node24.mjs';
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  connect,
  databaseUrl,
  describeFiles,
  die,
  findPgBin,
  majorOf,
  MIGRATION_HEAD_SQL,
  pgExec,
  reportDir,
  reportsExec,
  ROW_COUNTS_SQL,
  runTool,
  SERVER_VERSION_SQL,
  sqlValue,
} from './lib/backup-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const archive = path.resolve(process.argv[2] ?? path.join('backups', `tandem-${stamp}.tar`));
const say = (m) => process.stdout.write(`${m}\n`);

const staging = mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-'));
const client = await connect().catch((err) => die(`cannot connect to the database: ${err.message}`));
try {
  const serverVersion = await sqlValue(SERVER_VERSION_SQL, client);
  const dumpFile = path.join(staging, 'database.dump');
  let snapshot = null;
  let pgDumpVersion;
  if (client) {
    // One snapshot for the counts and the dump: the manifest describes exactly what the dump holds.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    snapshot = await sqlValue('SELECT pg_export_snapshot()', client);
  }
  const rowCounts = JSON.parse(await sqlValue(ROW_COUNTS_SQL, client));
  const migrationHead = (await sqlValue(MIGRATION_HEAD_SQL, client)) || null;
  if (client) {
    const bin = findPgBin(majorOf(serverVersion));
    pgDumpVersion = bin.version;
    const pgDump = bin.dir ? path.join(bin.dir, 'pg_dump') : 'pg_dump';
    await runTool('', [
      pgDump,
      '-Fc',
      '--no-owner',
      `--snapshot=${snapshot}`,
      `--file=${dumpFile}`,
      `--dbname=${databaseUrl}`,
    ]);
    await client.query('COMMIT');
  } else {
    pgDumpVersion = (await runTool(pgExec, ['pg_dump', '--version'])).trim();
    if (majorOf(pgDumpVersion.replace(/^\D+/, '')) < majorOf(serverVersion))
      die(`pg_dump (${pgDumpVersion}) is older than the server (${serverVersion})`);
    await runTool(pgExec, ['pg_dump', '-Fc', '--no-owner', `--dbname=${databaseUrl}`], {
      stdout: createWriteStream(dumpFile),
    });
  }
  say(`database dumped (${serverVersion}, with ${pgDumpVersion})`);

  const reportsStaged = path.join(staging, 'reports');
  mkdirSync(reportsStaged);
  if (reportsExec) {
    const tarFile = path.join(staging, 'reports.tar');
    await runTool(reportsExec, ['tar', '-C', reportDir, '-cf', '-', '.'], {
      stdout: createWriteStream(tarFile),
    });
    const x = spawnSync('tar', ['-xf', tarFile, '-C', reportsStaged]);
    if (x.status !== 0) die(`could not unpack the report files: ${x.stderr}`);
    rmSync(tarFile);
  } else if (existsSync(reportDir)) {
    cpSync(reportDir, reportsStaged, { recursive: true });
  }
  const reports = await describeFiles(reportsStaged);

  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const manifest = {
    format: 'tandem-backup/1',
    createdAt: new Date().toISOString(),
    tandemVersion: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    gitCommit: git.status === 0 ? git.stdout.trim() : (process.env.TANDEM_GIT_COMMIT ?? null),
    postgres: { server: serverVersion, pgDump: pgDumpVersion },
    // False only when the tools ran through TANDEM_PG_EXEC: then counts and dump are moments apart.
    consistentSnapshot: Boolean(snapshot),
    migrationHead,
    tables: rowCounts,
    reports,
  };
  writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  mkdirSync(path.dirname(archive), { recursive: true });
  const tar = spawnSync('tar', ['-cf', archive, '-C', staging, 'manifest.json', 'database.dump', 'reports']);
  if (tar.status !== 0) die(`tar failed: ${tar.stderr}`);
  const total = Object.values(rowCounts).reduce((a, b) => a + Number(b), 0);
  say(
    `backup written to ${archive}: ${Object.keys(rowCounts).length} tables, ${total} rows, ` +
      `${reports.length} report files, migration head ${migrationHead}`,
  );
} catch (err) {
  await client?.query('ROLLBACK').catch(() => undefined);
  die(`backup failed: ${err.message}`);
} finally {
  await client?.end().catch(() => undefined);
  rmSync(staging, { recursive: true, force: true });
}
