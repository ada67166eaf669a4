import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check-in sweep walks only pending rows: scheduled check-ins by due date (to open) and opened,
 * unreminded ones by opening time (to remind). Partial indexes keep each sweep's cost to the rows it
 * marks, however many answered or cancelled check-ins a million placements accumulate.
 */
export class CheckInSweepIndexes1796200000000 implements MigrationInterface {
  name = 'CheckInSweepIndexes1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_retention_checks_scheduled_due" ON "retention_checks" ("due_on", "id")
            WHERE status = 'scheduled'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_retention_checks_unreminded" ON "retention_checks" ("opened_at", "id")
            WHERE status = 'due' AND reminded_at IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_retention_checks_unreminded"`);
    await queryRunner.query(`DROP INDEX "public"."idx_retention_checks_scheduled_due"`);
  }
}
