// Once per e2e run: a throwaway embedded PostgreSQL cluster and a migrated template database that
// each suite copies. Redis, SMTP and the api/worker processes are per suite (test/support/stack.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { freePort, startPostgres } from '../scripts/lib/services.mjs';

export default async function globalSetup() {
  const root = process.cwd();
  if (!process.env.TANDEM_SKIP_BUILD_CHECK) {
    for (const app of ['api', 'worker', 'cli']) {
      const r = spawnSync('test', ['-f', `dist/apps/${app}/main.js`]);
      if (r.status !== 0)
        throw new Error(`dist/apps/${app}/main.js is missing: run \`npm run build\` (npm test does it)`);
    }
  }
  mkdirSync(path.join(root, '.test'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.test', 'pg-'));
  const port = await freePort();
  const pg = await startPostgres({ dir, port, persistent: false, fast: true });
  const template = 'tandem_test_template';
  await pg.createDatabase(template);
  const migrate = spawnSync(process.execPath, ['dist/apps/cli/main.js', 'migrate'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: pg.url(template) },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  globalThis.__TANDEM_PG__ = pg;
  process.env.TANDEM_TEST_PG_URL = pg.url('postgres');
  process.env.TANDEM_TEST_TEMPLATE_DB = template;
  process.env.TANDEM_TEST_DIR = path.join(root, '.test');
}
