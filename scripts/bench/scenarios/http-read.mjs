// Rows (a) and (b): an authenticated GET at 32 connections (autocannon), against the bare machinery:
// scripts/bench/bare-app.mjs, a minimal NestJS app with the same JWT check answering the same bytes.
// Alternating rounds (Tandem, bare, Tandem, bare, …); the medians are reported.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from '../../lib/services.mjs';
import { call } from '../lib/http.mjs';
import { JWT_SECRET, log, median, root } from '../lib/stack.mjs';

const CONNECTIONS = 32;

async function load(url, token, seconds) {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** Measures `route` (e.g. /me/tasks) as `token`'s user; returns one row of the table. */
export async function measureRead(ctx, { work, route, token }) {
  const sample = await call(ctx.api.url, token, 'GET', route);
  const bodyFile = path.join(ctx.stack.dir, `bare-body-${route.replace(/\W+/g, '-')}.json`);
  writeFileSync(bodyFile, sample.text);
  const port = await freePort();
  const bare = spawn(
    process.execPath,
    [path.join(root, 'scripts/bench/bare-app.mjs'), String(port), bodyFile, JWT_SECRET],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await waitForPort(port, '127.0.0.1', 30_000);
    const bareUrl = `http://127.0.0.1:${port}${route}`;
    // Warm both (JIT, connection pools, caches) before the measured rounds.
    await load(`${ctx.api.url}${route}`, token, 2);
    await load(bareUrl, token, 2);
    const tandem = [];
    const plain = [];
    for (let round = 1; round <= ctx.rounds; round++) {
      tandem.push(await load(`${ctx.api.url}${route}`, token, ctx.seconds));
      plain.push(await load(bareUrl, token, ctx.seconds));
      log(
        `  ${work} round ${round}: Tandem ${tandem.at(-1).rps.toFixed(0)} req/s p99 ${tandem.at(-1).p99} ms; bare ${plain.at(-1).rps.toFixed(0)} req/s p99 ${plain.at(-1).p99} ms`,
      );
    }
    const m = (xs, k) => median(xs.map((x) => x[k]));
    const t = { rps: m(tandem, 'rps'), p50: m(tandem, 'p50'), p99: m(tandem, 'p99') };
    const b = { rps: m(plain, 'rps'), p50: m(plain, 'p50'), p99: m(plain, 'p99') };
    const ratio = t.rps / b.rps;
    return {
      work: `\`GET ${work}\`, ${CONNECTIONS} connections`,
      tandem: `${fmt(t.rps)} req/s, p50 ${fmt(t.p50)} ms, p99 ${fmt(t.p99)} ms`,
      bare: `NestJS + same JWT check, static body of ${fmt(sample.text.length)} bytes: ${fmt(b.rps)} req/s, p99 ${fmt(b.p99)} ms`,
      ratio,
      aim: '≥ 0.5×, p99 < 50 ms',
      met: ratio >= 0.5 && t.p99 < 50,
      figures: { tandem: t, bare: b, rounds: { tandem, bare: plain }, bodyBytes: sample.text.length },
    };
  } finally {
    bare.kill('SIGTERM');
  }
}

export const fmt = (n) => Math.round(n).toLocaleString('en');

export async function meTasks(ctx) {
  return measureRead(ctx, { work: '/me/tasks', route: '/me/tasks', token: ctx.tokens.partnerStaff });
}

export async function dashboard(ctx) {
  return measureRead(ctx, {
    work: '/programmes/{id}/dashboard',
    route: `/programmes/${ctx.programmeId}/dashboard`,
    token: ctx.tokens.manager,
  });
}
