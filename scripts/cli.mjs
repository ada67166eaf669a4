// npm run migrate | seed [-- --scale national|small] | migration:generate <Name>
// Uses DATABASE_URL (and for seed the whole configuration) from the environment.
import './lib/use-node24.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (command === 'migration:generate') {
  const name = args[0];
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    console.error(
      'usage: npm run migration:generate -- <Name>   (then add the class to libs/database/src/migrations/index.ts)',
    );
    process.exit(2);
  }
  run(process.execPath, [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    'node_modules/typeorm/cli.js',
    'migration:generate',
    '--pretty',
    '-d',
    'libs/database/src/cli-data-source.ts',
    `libs/database/src/migrations/${name}`,
  ]);
} else if (command === 'seed' && args.includes('--scale')) {
  // The benchmark's scale generator (scripts/bench/scale.mjs): set-based SQL, no application needed.
  run(process.execPath, ['scripts/bench/scale.mjs', ...args]);
} else if (['migrate', 'seed', 'bootstrap-admin'].includes(command)) {
  if (!existsSync(path.join(root, 'dist/apps/cli/main.js'))) run('npx', ['nest', 'build', 'cli']);
  run(process.execPath, ['dist/apps/cli/main.js', command]);
} else {
  console.error('usage: node scripts/cli.mjs <migrate|seed|bootstrap-admin|migration:generate Name>');
  process.exit(2);
}
