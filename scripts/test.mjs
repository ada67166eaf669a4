// npm test: build the apps and the web console (the e2e and browser suites run the real built api
// and worker), then unit, integration (repositories on a real PostgreSQL), e2e and browser tests. The e2e global setup provisions a throwaway
// PostgreSQL; each suite its own Redis. The browser tests drive Debian's Chromium (installed by
// their global setup when missing).
import './lib/use-node24.mjs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`Tandem tests on Node ${process.version}`);
run('npm', ['run', 'build']);
run('npx', ['jest', '--selectProjects', 'unit']);
run('npx', ['jest', '--selectProjects', 'integration']);
run('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', ...process.argv.slice(2)]);
run('npx', ['jest', '--selectProjects', 'browser', '--runInBand']);
