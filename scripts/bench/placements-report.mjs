// node scripts/bench/placements-report.mjs [10000,100000,1000000 [csv,xlsx] [worker node options, e.g. --max-old-space-size=64]]
// Seeds N placements of one employer (generate_series, in SQL), then has the real built worker
// (dist/apps/worker) build that employer's placements report in each format, and reads the
// worker's peak resident set (VmHWM in /proc/<pid>/status; a fresh worker per measurement).
// Needs `npm run build` first. Throwaway PostgreSQL and Redis under .test/bench-*.
import '../lib/use-node24.mjs';
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { root, rssOf as peakRss, startStack } from './lib/stack.mjs';

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const formats = (process.argv[3] ?? 'csv,xlsx').split(',');
// A small heap limit proves the point: the build finishes in it whatever the row count.
const workerNodeOptions = process.argv[4] ?? '';

const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

// The benchmark's throwaway stack (PostgreSQL, Redis, migrated schema): scripts/bench/lib/stack.mjs.
const stack = await startStack();
const { db, databaseUrl, dir } = stack;
const redis = { url: stack.redisUrl };
const storage = path.join(dir, 'reports');

const [{ id: employer }] = (
  await db.query(
    `INSERT INTO organizations (kind, name, country, city, contact_email) VALUES ('employer', 'Bench Foods', 'PT', 'Riverton', 'hr@bench.test') RETURNING id`,
  )
).rows;
await db.query(
  `INSERT INTO employer_profiles (organization_id, sector, size_band) VALUES ($1, 'I', 'large')`,
  [employer],
);
const [{ id: user }] = (
  await db.query(
    `INSERT INTO users (email, name, password_hash) VALUES ('hr@bench.test', 'HR', 'x') RETURNING id`,
  )
).rows;
await db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'org_admin')`, [
  user,
  employer,
]);

const env = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redis.url,
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Tandem <no-reply@bench.test>',
  PUBLIC_URL: 'http://bench.test',
  JWT_ACCESS_SECRET: 'bench-access-secret-0123456789abcdef0123',
  JWT_REFRESH_SECRET: 'bench-refresh-secret-0123456789abcdef012',
  REPORT_STORAGE_DIR: storage,
  LOG_LEVEL: 'warn',
  OUTBOX_POLL_MS: '200',
  ...(workerNodeOptions ? { NODE_OPTIONS: workerNodeOptions } : {}),
};

async function seedTo(n) {
  const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM placements`)).rows;
  if (count >= n) return;
  const from = count + 1;
  // One participant per placement; columns vary with the row number, so the breakdowns have many keys.
  await db.query(
    `INSERT INTO participants (id, reference_code, registered_by_organization_id, year_of_birth, gender, country_of_origin, arrival_year, status_category)
     SELECT md5('p' || g)::uuid, 'B' || lpad(g::text, 10, '0'), $1, 1970 + g % 35, (ARRAY['female','male','other'])[1 + g % 3],
            (ARRAY['SY','AF','UA','ER','VE','SO','IQ'])[1 + g % 7], 2015 + g % 10,
            (ARRAY['refugee_or_asylum','labour','student','family','other'])[1 + g % 5]
       FROM generate_series($2::int, $3::int) g`,
    [employer, from, n],
  );
  await db.query(
    `INSERT INTO placements (participant_id, employer_organization_id, job_title, occupation_code, sector, start_date, contract_type, hours_per_week)
     SELECT md5('p' || g)::uuid, $1, 'Kitchen assistant ' || g % 50, (9000 + g % 400)::text,
            (ARRAY['A','C','F','G','I','N','Q'])[1 + g % 7], date '2024-01-01' + (g % 700),
            (ARRAY['permanent','fixed_term','apprenticeship','internship','seasonal'])[1 + g % 5], 20 + g % 20
       FROM generate_series($2::int, $3::int) g`,
    [employer, from, n],
  );
  await db.query('ANALYZE placements; ANALYZE participants');
}

async function measure(n, format) {
  const worker = spawn(process.execPath, [path.join(root, 'dist/apps/worker/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await new Promise((r) => setTimeout(r, 4000)); // boot
  const idle = peakRss(worker.pid);
  const started = Date.now();
  const [{ id }] = (
    await db.query(
      `INSERT INTO reports (kind, format, parameters, requested_by_user_id) VALUES ('placements', $1, '{}', $2) RETURNING id`,
      [format, user],
    )
  ).rows;
  await db.query(`INSERT INTO outbox_events (type, payload) VALUES ('report.build', $1)`, [{ reportId: id }]);
  await db.query(`NOTIFY tandem_outbox`);
  let row;
  for (;;) {
    row = (
      await db.query(
        `SELECT status, failure_reason, processed_rows, byte_size, storage_key FROM reports WHERE id = $1`,
        [id],
      )
    ).rows[0];
    if (row.status === 'done' || row.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const peak = peakRss(worker.pid);
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  if (row.status !== 'done') throw new Error(`report failed: ${row.failure_reason}`);
  const seconds = (Date.now() - started) / 1000;
  const size = statSync(path.join(storage, row.storage_key)).size;
  rmSync(path.join(storage, row.storage_key));
  return {
    n,
    format,
    rows: Number(row.processed_rows),
    seconds,
    bytes: size,
    idleRss: idle.rss,
    peakRss: peak.hwm,
  };
}

const results = [];
try {
  for (const n of sizes) {
    log(`seeding ${n} placements`);
    await seedTo(n);
    for (const format of formats) {
      log(`building placements ${format} over ${n} placements`);
      const r = await measure(n, format);
      results.push(r);
      log(
        `  ${r.rows} rows in ${r.seconds.toFixed(1)} s, ${(r.bytes / 1e6).toFixed(1)} MB file; worker RSS idle ${mb(r.idleRss)}, peak ${mb(r.peakRss)}`,
      );
    }
  }
  console.log(
    '\n| placements | format | rows written | time | file | worker RSS at rest | worker peak RSS |',
  );
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    console.log(
      `| ${r.n.toLocaleString('en')} | ${r.format} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${(r.bytes / 1e6).toFixed(1)} MB | ${mb(r.idleRss)} | ${mb(r.peakRss)} |`,
    );
} finally {
  await stack.stop();
}
