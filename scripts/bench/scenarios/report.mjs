// Row (e): the employer's placements report as CSV (every placement a row) built by a fresh, BUILT
// worker: time from the request to 'done', and the worker's peak resident set (VmHWM).
// Bare: the same SQL streamed to /dev/null. A first, untimed build runs with the worker's pg clients
// traced (lib/pg-trace.cjs); the statements it sent over the report's data (placements,
// participants, check-ins), with their transactions, are then replayed by bare pg clients: one per
// connection the worker used, all started at once, each running its statements back to back (no
// time between them), a COPY … TO STDOUT into /dev/null. Also timed, for comparison with earlier
// runs: the report's row query alone, hand-written (no formula guard, no names), as COPY.
import { performance } from 'node:perf_hooks';
import { createWriteStream, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
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

async function rowQueryAlone(db) {
  const started = performance.now();
  await pipeline(
    db.query(copyTo(`COPY (${ROW_SQL(ORG.employer)}) TO STDOUT (FORMAT csv)`)),
    createWriteStream('/dev/null'),
  );
  return (performance.now() - started) / 1000;
}

const REPORT_DATA = /\b(placements|participants|retention_checks)\b/;
const TRANSACTION = /^\s*(START TRANSACTION|BEGIN|SET |COMMIT|ROLLBACK)/i;

/**
 * The statements of one traced build, by connection: those over the report's data, and the
 * transaction statements (START, SET, COMMIT) around them; what else the worker ran meanwhile
 * (the report's own bookkeeping, the outbox relay, the sweeps) is left out.
 */
export function reportStatements(lines, window) {
  const byConnection = new Map();
  for (const s of lines) {
    if (s.started < window.from || s.ended > window.to) continue;
    if (!byConnection.has(s.connection)) byConnection.set(s.connection, []);
    byConnection.get(s.connection).push(s);
  }
  const connections = [];
  for (const statements of byConnection.values()) {
    const kept = [];
    let transaction = [];
    let inTransaction = false;
    for (const s of statements) {
      if (/^\s*(START TRANSACTION|BEGIN)/i.test(s.text)) {
        inTransaction = true;
        transaction = [s];
      } else if (inTransaction && /^\s*(COMMIT|ROLLBACK)/i.test(s.text)) {
        inTransaction = false;
        if (transaction.some((t) => REPORT_DATA.test(t.text))) kept.push(...transaction, s);
      } else if (inTransaction) {
        if (REPORT_DATA.test(s.text) || TRANSACTION.test(s.text)) transaction.push(s);
      } else if (REPORT_DATA.test(s.text)) kept.push(s);
    }
    if (kept.some((s) => REPORT_DATA.test(s.text)))
      connections.push(kept.map(({ text, params }) => ({ text, params })));
  }
  return connections;
}

/** A traced, untimed build: the statements the bare baseline replays. */
async function capture(ctx) {
  const file = path.join(ctx.stack.dir, 'report-trace.jsonl');
  rmSync(file, { force: true });
  await ctx.worker.stop();
  ctx.worker = await ctx.stack.start('worker', {
    NODE_OPTIONS: `--require ${path.join(root, 'scripts/bench/lib/pg-trace.cjs')}`,
    PG_TRACE_FILE: file,
  });
  const from = Date.now();
  await build(ctx);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const connections = reportStatements(lines, { from, to: Date.now() });
  if (!connections.some((c) => c.some((s) => /^COPY \(/.test(s.text))))
    throw new Error('the traced build sent no COPY of the rows');
  return connections;
}

/** The captured statements on fresh connections, all at once, COPY output into /dev/null. */
async function bare(databaseUrl, connections) {
  const clients = await Promise.all(
    connections.map(async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const started = performance.now();
  try {
    await Promise.all(
      connections.map(async (statements, i) => {
        for (const s of statements)
          if (/^COPY \(/.test(s.text))
            await pipeline(clients[i].query(copyTo(s.text)), createWriteStream('/dev/null'));
          else await clients[i].query(s.text, s.params);
      }),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function tandem(ctx) {
  await ctx.worker.stop();
  ctx.worker = await ctx.stack.start('worker');
  return build(ctx);
}

async function build(ctx) {
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
  const connections = await capture(ctx);
  log(
    `  report's SQL: ${connections.map((c) => c.length).join(' + ')} statements on ${connections.length} connections`,
  );
  const t = [];
  const b = [];
  const alone = [];
  for (let round = 1; round <= ctx.heavyRounds; round++) {
    t.push(await tandem(ctx));
    b.push(await bare(ctx.stack.databaseUrl, connections));
    alone.push(await rowQueryAlone(ctx.stack.db));
    log(
      `  report round ${round}: ${t.at(-1).seconds.toFixed(1)} s (${fmt(t.at(-1).rows)} rows, peak RSS ${fmt(t.at(-1).peakKb / 1024)} MB, idle ${fmt(t.at(-1).idleKb / 1024)} MB); bare ${b.at(-1).toFixed(1)} s; row query alone ${alone.at(-1).toFixed(1)} s`,
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
  const aloneSeconds = median(alone);
  const peakMb = Math.max(...t.map((x) => x.peakKb)) / 1024;
  const idleMb = Math.max(...t.map((x) => x.idleKb)) / 1024;
  const ratio = seconds / bareSeconds;
  return {
    work: `placements report, CSV, ${fmt(ctx.scale.placements)} rows`,
    tandem: `${seconds.toFixed(1)} s, worker peak RSS ${fmt(peakMb)} MB (idle ${fmt(idleMb)} MB)`,
    bare: `the same SQL streamed to /dev/null: ${bareSeconds.toFixed(1)} s (row query alone: ${aloneSeconds.toFixed(1)} s)`,
    ratio,
    ratioText: `${ratio.toFixed(2)}× the time (${(seconds / aloneSeconds).toFixed(2)}× the row query alone)`,
    aim: '≤ 1.2×, memory flat',
    // "Flat": the build adds less than 100 MB to the idle worker, whatever the row count.
    met: ratio <= 1.2 && peakMb - idleMb < 100,
    figures: {
      seconds,
      bareSeconds,
      aloneSeconds,
      peakMb,
      idleMb,
      rounds: { tandem: t, bare: b, alone },
      statements: connections.map((c) => c.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 160))),
    },
  };
}
