import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables `GET /me/tasks` and `GET /programmes/{id}/dashboard` read, including what decides who
 * may read them (the programme policy: programmes, partners, named managers; memberships). Derived
 * from TasksRepository.listForActor, ProgrammesRepository.scopeVisible/relationOf, DashboardRepository
 * and loadMilestones. A table added to either read must be added here by a new migration.
 */
const TABLES = [
  'tasks',
  'task_dependencies',
  'programmes',
  'programme_partners',
  'programme_managers',
  'organizations',
  'memberships',
  'milestones',
  'indicators',
  'indicator_values',
  'programme_activity',
];

/**
 * The api replicas' cache of rendered reads (ReadCache, docs/performance.md#reads) is correct by
 * invalidation: every statement that writes one of these tables, from any path (api, worker, cli,
 * seeds, hand-written SQL), notifies the channel `tandem_reads_changed`. PostgreSQL delivers a
 * notification only when the writing transaction commits (never for a rollback), and folds the
 * identical ones of one transaction into one. Each replica LISTENs and forgets its cache on every
 * notification. Statement-level: one notification per statement, whatever the number of rows.
 */
export class ReadChangeNotify1797000000000 implements MigrationInterface {
  name = 'ReadChangeNotify1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION tandem_reads_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('tandem_reads_changed', TG_TABLE_NAME);
              RETURN NULL;
            END
            $$
        `);
    for (const table of TABLES)
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_reads_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION tandem_reads_changed()`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(`DROP TRIGGER "trg_${table}_reads_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION tandem_reads_changed()`);
  }
}
