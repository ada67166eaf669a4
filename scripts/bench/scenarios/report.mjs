// Row (e): the employer's placements report as CSV (every placement a row) built by a fresh, BUILT
// worker: time from the request to 'done', and the worker's peak resident set (VmHWM). Bare: the
// report's row query (the same columns, join, scope and order) as COPY … TO STDOUT into /dev/null.
import { performance } from 'node:perf_hooks';
import { createWriteStream, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { call } from '../lib/http.mjs';
import { log, median, root, rssOf, until } from '../lib/stack.mjs';
import { ORG } from '../scale.mjs';
import { fmt } from './http-read.mjs';

const ROW_SQL = (
  employer,
) => `SELECT pl.id, pa.reference_code, pl.employer_organization_id, pl.programme_id, pl.job_title,
       pl.occupation_code, pl.sector, pl.contract_type, pl.hours_per_week::float8,
       to_char(pl.start_date, 'YYYY-MM-DD'), pl.status, to_char(pl.end_date, 'YYYY-MM-DD')
  FROM placements pl JOIN participants pa ON pa.id = pl.participant_id
 WHERE pl.employer_organization_id = '${employer}'
 ORDER BY pl.start_date, pl.id`;

async function bare(db) {
  const started = performance.now();
  await pipeline(
    db.query(copyTo(`COPY (${ROW_SQL(ORG.employer)}) TO STDOUT (FORMAT csv)`)),
    createWriteStream('/dev/null'),
  );
  return (performance.now() - started) / 1000;
}

async function tandem(ctx) {
  await ctx.worker.stop();
  ctx.worker = await ctx.stack.start('worker');
  const idle = rssOf(ctx.worker.pid);
  const started = performance.now();
  const { json: report } = await call(ctx.api.url, ctx.tokens.employerHr, 'POST', '/reports', {
    kind: 'placements',
    format: 'csv',
    parameters: { employerOrganizationId: ORG.employer },
  });
  const row = await until(
    async () => {
      const r = (
        await ctx.stack.db.query(
          `SELECT status, failure_reason, processed_rows, byte_size FROM reports WHERE id = $1`,
          [report.id],
        )
      ).rows[0];
      return r.status === 'done' || r.status === 'failed' ? r : null;
    },
    { every: 100, what: 'the report' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (row.status !== 'done') throw new Error(`report failed: ${row.failure_reason}`);
  return {
    seconds,
    rows: Number(row.processed_rows),
    bytes: Number(row.byte_size),
    idleKb: idle.rss,
    peakKb: rssOf(ctx.worker.pid).hwm,
  };
}

export async function placementsReport(ctx) {
  const t = [];
  const b = [];
  for (let round = 1; round <= ctx.heavyRounds; round++) {
    t.push(await tandem(ctx));
    b.push(await bare(ctx.stack.db));
    log(
      `  report round ${round}: ${t.at(-1).seconds.toFixed(1)} s (${fmt(t.at(-1).rows)} rows, peak RSS ${fmt(t.at(-1).peakKb / 1024)} MB, idle ${fmt(t.at(-1).idleKb / 1024)} MB); bare ${b.at(-1).toFixed(1)} s`,
    );
  }
  if (ctx.explain) {
    const plan = await ctx.stack.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${ROW_SQL(ORG.employer)}`);
    mkdirSync(path.join(root, 'bench/explain'), { recursive: true });
    writeFileSync(
      path.join(root, 'bench/explain/placements-report-rows.txt'),
      plan.rows.map((r) => r['QUERY PLAN']).join('\n') + '\n',
    );
  }
  const seconds = median(t.map((x) => x.seconds));
  const bareSeconds = median(b);
  const peakMb = Math.max(...t.map((x) => x.peakKb)) / 1024;
  const idleMb = Math.max(...t.map((x) => x.idleKb)) / 1024;
  const ratio = seconds / bareSeconds;
  return {
    work: `placements report, CSV, ${fmt(ctx.scale.placements)} rows`,
    tandem: `${seconds.toFixed(1)} s, worker peak RSS ${fmt(peakMb)} MB (idle ${fmt(idleMb)} MB)`,
    bare: `the same SQL streamed to /dev/null: ${bareSeconds.toFixed(1)} s`,
    ratio,
    ratioText: `${ratio.toFixed(2)}× the time`,
    aim: '≤ 1.2×, memory flat',
    // "Flat": the build adds less than 100 MB to the idle worker, whatever the row count.
    met: ratio <= 1.2 && peakMb - idleMb < 100,
    figures: { seconds, bareSeconds, peakMb, idleMb, rounds: { tandem: t, bare: b } },
  };
}
