import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from '@tandem/database';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './support/stack';

const ROOT = path.resolve(__dirname, '..');
const migrate = (url: string) =>
  spawnSync(process.execPath, ['dist/apps/cli/main.js', 'migrate'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: url },
    encoding: 'utf8',
  });

describe('migrations', () => {
  it('build the schema from empty, match the entities, and change nothing when run again', async () => {
    const url = await createTestDatabase(undefined, null);
    const first = migrate(url);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/applied migration Initial\d+/);
    const second = migrate(url);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('schema is up to date');

    const ds = await new DataSource(dataSourceOptions({ DATABASE_URL: url, DB_POOL_SIZE: 2 })).initialize();
    try {
      // What `migration:generate` would write: nothing, if the migrations match the entities.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('run once when several processes start together (advisory lock)', async () => {
    const url = await createTestDatabase(undefined, null);
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<string>((resolve) => {
            const { spawn } = require('node:child_process') as typeof import('node:child_process');
            const child = spawn(process.execPath, ['dist/apps/cli/main.js', 'migrate'], {
              cwd: ROOT,
              env: { PATH: process.env.PATH, DATABASE_URL: url },
            });
            let out = '';
            child.stdout.on('data', (b: Buffer) => (out += b.toString()));
            child.on('exit', (code) => resolve(`${code}:${out}`));
          }),
      ),
    );
    expect(runs.every((r) => r.startsWith('0:'))).toBe(true);
    expect(runs.filter((r) => /applied migration/.test(r))).toHaveLength(1);
  });

  it('refuses a test database whose name does not say "test"', async () => {
    await expect(createTestDatabase('tandem_production')).rejects.toThrow(/must contain "test"/);
  });
});
