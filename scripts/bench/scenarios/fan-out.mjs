// Rows (c) and (d): a task assigned to the association (every member a recipient) → one inbox row
// per member, then one e-mail per member accepted by the local SMTP server; both against raw
// BullMQ on the same Redis: the same number of no-op jobs added in bulk and processed by a Worker
// with the worker's concurrency.
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { call } from '../lib/http.mjs';
import { log, median, until } from '../lib/stack.mjs';
import { ORG } from '../scale.mjs';
import { fmt } from './http-read.mjs';

const MEMBER_DOMAIN = 'association.bench.test';

async function bareBullmq(redisUrl, jobs) {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const name = `bench-noop-${Date.now()}`;
  const queue = new Queue(name, { connection });
  let done = 0;
  let finished;
  const all = new Promise((r) => (finished = r));
  const worker = new Worker(
    name,
    async () => {
      if (++done === jobs) finished();
    },
    { connection, concurrency: 5 },
  );
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < jobs; i += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({
        name: 'noop',
        data: { n: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  await all;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}

async function tandemFanOut(ctx, round) {
  const members = ctx.scale.members;
  const before = ctx.smtp.count(MEMBER_DOMAIN);
  const started = performance.now();
  const { json: task } = await call(
    ctx.api.url,
    ctx.tokens.manager,
    'POST',
    `/programmes/${ctx.programmeId}/tasks`,
    {
      title: `Bench fan-out ${round}`,
      assigneeOrganizationId: ORG.association,
    },
  );
  await until(
    async () =>
      (
        await ctx.stack.db.query(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1`, [
          task.id,
        ])
      ).rows[0].n >= members,
    { every: 50, what: 'inbox rows' },
  );
  const inboxSeconds = (performance.now() - started) / 1000;
  await until(() => ctx.smtp.count(MEMBER_DOMAIN) - before >= members, {
    every: 100,
    timeoutMs: ctx.emailTimeoutMs,
    what: `${members} e-mails`,
  }).catch((err) => log(`  ${err.message}: ${ctx.smtp.count(MEMBER_DOMAIN) - before} arrived`));
  const mailed = ctx.smtp.count(MEMBER_DOMAIN) - before;
  const mailSeconds = (performance.now() - started) / 1000;
  return {
    inboxPerSecond: members / inboxSeconds,
    emailsPerSecond: mailed / mailSeconds,
    mailed,
    mailSeconds,
  };
}

export async function fanOut(ctx) {
  const members = ctx.scale.members;
  const bare = [];
  const tandem = [];
  for (let round = 1; round <= ctx.heavyRounds; round++) {
    bare.push(await bareBullmq(ctx.stack.redisUrl, members));
    tandem.push(await tandemFanOut(ctx, round));
    const t = tandem.at(-1);
    log(
      `  fan-out round ${round}: ${fmt(t.inboxPerSecond)} inbox rows/s, ${fmt(t.emailsPerSecond)} e-mails/s (${t.mailed} in ${t.mailSeconds.toFixed(1)} s); bare ${fmt(bare.at(-1))} jobs/s`,
    );
  }
  const b = median(bare);
  const inbox = median(tandem.map((t) => t.inboxPerSecond));
  const mail = median(tandem.map((t) => t.emailsPerSecond));
  const mailed = Math.min(...tandem.map((t) => t.mailed));
  const seconds = median(tandem.map((t) => t.mailSeconds));
  return [
    {
      work: `task assigned to ${fmt(members)} members → inbox rows`,
      tandem: `${fmt(inbox)} recipients/s`,
      bare: `raw BullMQ no-op jobs: ${fmt(b)} jobs/s`,
      ratio: inbox / b,
      aim: 'keep (≥ 1×)',
      met: inbox / b >= 1,
      figures: { inboxPerSecond: inbox, bareJobsPerSecond: b, rounds: { tandem, bare } },
    },
    {
      work: `same → ${fmt(members)} e-mails accepted by a local SMTP server`,
      tandem: `${fmt(mail)} e-mails/s (${fmt(mailed)} in ${seconds.toFixed(1)} s)`,
      bare: `${fmt(b)} jobs/s`,
      ratio: mail / b,
      aim: '≥ 0.05×',
      met: mailed >= members && mail / b >= 0.05,
      figures: { emailsPerSecond: mail, mailed, seconds, bareJobsPerSecond: b },
    },
  ];
}
