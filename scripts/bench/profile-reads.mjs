// Developer tool (docs/performance.md#reads): CPU profile of the BUILT api under the read load.
// node scripts/bench/profile-reads.mjs [--scale small|national] [--seconds S] [--route me-tasks|dashboard|both]
//   [--out dir] [--keep-stack-seconds 0]
// Seeds the scale, starts the api with --cpu-prof, loads each route at 32 connections, stops the api
// (which writes the .cpuprofile into --out) and prints the heaviest functions by self time.
import '../lib/use-node24.mjs';
import autocannon from 'autocannon';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signIn } from './lib/http.mjs';
import { log, startStack } from './lib/stack.mjs';
import { programmeId, seedScale, USERS } from './scale.mjs';

const { values: opt } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seconds: { type: 'string', default: '10' },
    route: { type: 'string', default: 'both' },
    out: { type: 'string', default: '/tmp/tandem-profile' },
  },
});
const out = path.resolve(opt.out);
mkdirSync(out, { recursive: true });
const stack = await startStack();
try {
  await seedScale(stack.db, opt.scale);
  const api = await stack.start('api', {
    JWT_ACCESS_TTL: '14400',
    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${out}`,
  });
  const routes = {
    'me-tasks': { path: '/me/tasks', token: await signIn(api.url, USERS.partnerStaff.email) },
    dashboard: {
      path: `/programmes/${programmeId(1)}/dashboard`,
      token: await signIn(api.url, USERS.manager.email),
    },
  };
  for (const [name, r] of Object.entries(routes)) {
    if (opt.route !== 'both' && opt.route !== name) continue;
    const res = await autocannon({
      url: `${api.url}${r.path}`,
      connections: 32,
      duration: Number(opt.seconds),
      headers: { authorization: `Bearer ${r.token}` },
    });
    log(
      `${name}: ${res.requests.average} req/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms, non2xx ${res.non2xx}`,
    );
  }
  await api.stop();
} finally {
  await stack.stop();
}
const file = readdirSync(out)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => path.join(out, f))
  .sort()
  .at(-1);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
let total = 0;
for (const [id, t] of dt) {
  const n = byId.get(id).callFrame;
  const key = `${n.functionName || '(anon)'} ${n.url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${n.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + t);
  total += t;
}
console.log(`profile ${file}, ${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
process.exit(0);
