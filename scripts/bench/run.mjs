// npm run bench [-- --quick] [--scale national|small] [--rounds N] [--heavy-rounds N] [--seconds S] [--only a,b]
//   [--wait-limit S] [--out dir]
// The project's benchmark (docs/performance.md): seeds a scale (scale.mjs) into a throwaway
// PostgreSQL + Redis, starts the BUILT api and worker (npm run build first) against a local SMTP
// server, runs each scenario (scenarios/*.mjs) against its bare-machinery baseline in alternating
// rounds, and prints the table with the machine and its load, also written to bench/results/latest.md
// and latest.json. --quick: the small scale, short rounds, no aims judged (for CI).
import '../lib/use-node24.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signIn } from './lib/http.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';
import { log, root, settle, startStack } from './lib/stack.mjs';
import { programmeId, seedScale, SCALES, USERS } from './scale.mjs';
import { fanOut } from './scenarios/fan-out.mjs';
import { dashboard, meTasks } from './scenarios/http-read.mjs';
import { placementImport } from './scenarios/import.mjs';
import { placementsReport } from './scenarios/report.mjs';

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    rounds: { type: 'string' },
    'heavy-rounds': { type: 'string' },
    seconds: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    'wait-limit': { type: 'string' },
  },
});
const quick = opt.quick;
const scaleName = opt.scale ?? (quick ? 'small' : 'national');
const SCENARIOS = {
  'me-tasks': meTasks,
  dashboard,
  'fan-out': fanOut,
  report: placementsReport,
  import: placementImport,
};
const only = opt.only ? opt.only.split(',') : Object.keys(SCENARIOS);
for (const o of only)
  if (!SCENARIOS[o]) throw new Error(`unknown scenario ${o}: ${Object.keys(SCENARIOS).join(', ')}`);

const machine = () => ({
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  node: process.version,
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
});

const started = machine();
log(
  `bench: scale ${scaleName}${quick ? ' (quick: no aims judged)' : ''}; load average ${started.loadAverage.join(', ')}`,
);
const smtp = await startSmtpSink();
const stack = await startStack();
const rows = [];
try {
  log('seeding');
  const seeded = await seedScale(stack.db, scaleName);
  log(`  seeded in ${seeded.seconds.toFixed(1)} s`);
  const extra = { SMTP_URL: smtp.url, JWT_ACCESS_TTL: '14400' };
  const origEnv = stack.env.bind(stack);
  stack.env = (more = {}) => origEnv({ ...extra, ...more });
  const api = await stack.start('api');
  const worker = await stack.start('worker');
  // The worker rebuilds its time-based work from PostgreSQL on this empty Redis first: measure after.
  log(`worker settled in ${(await settle(stack)).toFixed(1)} s`);
  const tokens = {
    manager: await signIn(api.url, USERS.manager.email),
    partnerStaff: await signIn(api.url, USERS.partnerStaff.email),
    employerHr: await signIn(api.url, USERS.employerHr.email),
  };
  const ctx = {
    stack,
    api,
    worker,
    smtp,
    tokens,
    scale: SCALES[scaleName],
    programmeId: programmeId(1),
    rounds: Number(opt.rounds ?? (quick ? 1 : 3)),
    heavyRounds: Number(opt['heavy-rounds'] ?? (quick ? 1 : 2)),
    seconds: Number(opt.seconds ?? (quick ? 3 : 10)),
    // How long the e-mails of a fan-out and an import may take before the rate so far is reported.
    emailTimeoutMs: Number(opt['wait-limit'] ?? (quick ? 120 : 300)) * 1000,
    importTimeoutMs: Number(opt['wait-limit'] ?? (quick ? 120 : 300)) * 1000,
    explain: !quick,
  };
  for (const name of only) {
    log(`scenario ${name}`);
    const r = await SCENARIOS[name](ctx);
    rows.push(...(Array.isArray(r) ? r : [r]));
  }
} finally {
  await stack.stop();
  await smtp.stop();
}

const finished = machine();
const ratioText = (r) => r.ratioText ?? `${r.ratio >= 0.1 ? r.ratio.toFixed(2) : r.ratio.toFixed(3)}×`;
const met = (r) => (quick ? 'not judged (quick)' : r.met ? 'yes' : '**no**');
const table = [
  '| work | Tandem | bare machinery, same run | ratio | aim | met? |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.work} | ${r.tandem} | ${r.bare} | ${ratioText(r)} | ${r.aim} | ${met(r)} |`),
].join('\n');
const header =
  `Run ${finished.date.slice(0, 16).replace('T', ' ')} UTC, scale \`${scaleName}\`${quick ? ' (quick)' : ''}; ` +
  `${finished.cores} cores (${finished.cpu}), Node ${finished.node}; load average at start ` +
  `${started.loadAverage.join(' / ')}, at end ${finished.loadAverage.join(' / ')}.`;
const md = `# Benchmark results\n\n${header}\n\n${table}\n`;
console.log(`\n${header}\n\n${table}\n`);
const outDir = path.join(root, opt.out ?? 'bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'latest.md'), md);
writeFileSync(
  path.join(outDir, 'latest.json'),
  JSON.stringify({ scale: scaleName, quick, started, finished, rows }, null, 2) + '\n',
);
log(`written to ${path.relative(root, outDir)}/latest.md and latest.json`);
// Whatever client library still holds a socket (autocannon's agents, SMTP sockets) must not keep the run alive.
process.exit(0);
