// npm test: build the apps (the e2e suites run the real built api and worker), then unit and e2e
// tests. The e2e global setup provisions a throwaway PostgreSQL; each suite its own Redis.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', 'build']);
run('npx', ['jest', '--selectProjects', 'unit']);
run('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', ...process.argv.slice(2)]);
