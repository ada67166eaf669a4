import { DataSource } from 'typeorm';

const MIGRATION_LOCK = `hashtext('tandem:migrations')`;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that many replicas (or
 * a migrate job and a developer) starting together apply each migration exactly once.
 */
export async function runMigrations(
  dataSource: DataSource,
  log: (msg: string) => void = () => {},
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`applied migration ${m.name}`);
    if (applied.length === 0) log('schema is up to date');
    return applied.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    await runner.release();
  }
}
