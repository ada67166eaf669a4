// Row (f): a placements CSV import of valid rows (each a new participant) through POST
// /placements/imports (valid_rows), timed until the import is completed, with Redis' memory after it;
// bare: COPY of the same file into an unlogged table of text columns.
/* global FormData */
import { Blob } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Redis } from 'ioredis';
import { call } from '../lib/http.mjs';
import { log, median, until } from '../lib/stack.mjs';
import { ORG } from '../scale.mjs';
import { fmt } from './http-read.mjs';

/** The file: the api's own template header (GET /placements/imports/template.csv), then `rows` new participants. */
function csv(columns, rows, round) {
  const lines = [columns.join(',')];
  for (let g = 1; g <= rows; g++) {
    const row = {
      yearOfBirth: 1970 + (g % 35),
      gender: ['female', 'male', 'other'][g % 3],
      countryOfOrigin: ['SY', 'AF', 'UA', 'ER', 'VE'][g % 5],
      arrivalYear: 2015 + (g % 10),
      statusCategory: ['refugee_or_asylum', 'labour', 'student', 'family', 'other'][g % 5],
      languages: 'ar;en',
      consentGivenAt: '2026-02-20T10:00:00Z',
      consentScope: 'placement follow-up and aggregate reporting',
      jobTitle: `Import ${round} kitchen assistant ${g % 50}`,
      occupationCode: ['9412', '9321', '5120', '5322', '7112', '8322', '9112', '2221'][g % 8],
      sector: ['A', 'C', 'F', 'G', 'I'][g % 5],
      startDate: `2026-0${1 + (g % 9)}-1${g % 10}`,
      contractType: ['permanent', 'fixed_term', 'apprenticeship', 'internship', 'seasonal'][g % 5],
      hoursPerWeek: 20 + (g % 20),
    };
    lines.push(columns.map((c) => row[c] ?? '').join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

async function redisMemory(url) {
  const r = new Redis(url);
  const info = await r.info('memory');
  r.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)[1]);
}

async function tandem(ctx, round, file) {
  const redisBefore = await redisMemory(ctx.stack.redisUrl);
  const form = new FormData();
  form.set('employerOrganizationId', ORG.employer);
  form.set('mode', 'valid_rows');
  form.set('file', new Blob([file], { type: 'text/csv' }), `bench-${round}.csv`);
  const started = performance.now();
  const { json: imp } = await call(ctx.api.url, ctx.tokens.employerHr, 'POST', '/placements/imports', form);
  const query = async () =>
    (
      await ctx.stack.db.query(
        `SELECT status, processed_rows, created_count, error_count, failure_reason, errors FROM placement_imports WHERE id = $1`,
        [imp.id],
      )
    ).rows[0];
  // An import slower than the time limit is reported by the rows it had processed by then.
  const row = await until(
    async () => {
      const r = await query();
      return ['completed', 'rejected', 'failed'].includes(r.status) ? r : null;
    },
    { every: 100, timeoutMs: ctx.importTimeoutMs, what: 'the import' },
  ).catch(() => null);
  const seconds = (performance.now() - started) / 1000;
  if (!row) {
    const r = await query();
    log(`  import not finished after ${seconds.toFixed(0)} s: ${r.processed_rows} rows processed`);
    return {
      seconds,
      rows: Number(r.processed_rows),
      finished: false,
      redisGrowth: (await redisMemory(ctx.stack.redisUrl)) - redisBefore,
    };
  }
  if (row.status !== 'completed' || row.created_count !== ctx.scale.importRows)
    throw new Error(
      `import ${row.status}: ${row.created_count} created, ${row.error_count} errors ${JSON.stringify(row.errors).slice(0, 300)} ${row.failure_reason ?? ''}`,
    );
  // Whatever the import left queued (delayed check-in jobs, say) shows here.
  await new Promise((r) => setTimeout(r, 2000));
  return {
    seconds,
    rows: ctx.scale.importRows,
    finished: true,
    redisGrowth: (await redisMemory(ctx.stack.redisUrl)) - redisBefore,
  };
}

async function bare(db, columns, file) {
  await db.query(
    `CREATE UNLOGGED TABLE IF NOT EXISTS bench_import_copy (${columns.map((c) => `"${c}" text`).join(', ')})`,
  );
  await db.query('TRUNCATE bench_import_copy');
  const started = performance.now();
  await pipeline(
    Readable.from([file]),
    db.query(copyFrom(`COPY bench_import_copy FROM STDIN (FORMAT csv, HEADER true)`)),
  );
  const seconds = (performance.now() - started) / 1000;
  await db.query('DROP TABLE bench_import_copy');
  return seconds;
}

export async function placementImport(ctx) {
  const n = ctx.scale.importRows;
  const t = [];
  const b = [];
  const template = await call(ctx.api.url, ctx.tokens.employerHr, 'GET', '/placements/imports/template.csv');
  const columns = template.text.split(/\r?\n/)[0].split(',');
  for (let round = 1; round <= ctx.heavyRounds; round++) {
    const file = csv(columns, n, round);
    t.push(await tandem(ctx, round, file));
    b.push(await bare(ctx.stack.db, columns, file));
    log(
      `  import round ${round}: ${t.at(-1).seconds.toFixed(1)} s, Redis +${fmt(t.at(-1).redisGrowth / 1024)} kB; bare COPY ${b.at(-1).toFixed(2)} s`,
    );
  }
  const seconds = median(t.map((x) => x.seconds));
  const rowsPerSecond = median(t.map((x) => x.rows / x.seconds));
  const allFinished = t.every((x) => x.finished);
  const bareSeconds = median(b);
  const redisKb = Math.max(...t.map((x) => x.redisGrowth)) / 1024;
  const ratio = rowsPerSecond / (n / bareSeconds);
  return {
    work: `placement import, ${fmt(n)} valid rows`,
    tandem: allFinished
      ? `${seconds.toFixed(1)} s (${fmt(rowsPerSecond)} rows/s), Redis ${redisKb >= 0 ? '+' : ''}${fmt(redisKb)} kB after it`
      : `not finished in ${seconds.toFixed(0)} s: ${fmt(rowsPerSecond)} rows/s`,
    bare: `COPY of the same rows: ${bareSeconds.toFixed(2)} s`,
    ratio,
    aim: '≥ 0.1×',
    met: allFinished && ratio >= 0.1,
    figures: { seconds, bareSeconds, redisKb, rounds: { tandem: t, bare: b } },
  };
}
