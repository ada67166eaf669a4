import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task reminders become dates on the task row, found by one repeating sweep, instead of two delayed
 * BullMQ jobs per open task with a due date. Partial indexes hold only the pending reminders.
 *
 * Backfill of the open tasks with a due date: the overdue reminder at the end of the due date (UTC),
 * the "due soon" one 24 hours before it (TASK_DUE_REMINDER_HOURS' default: a migration does not read
 * the configuration; tasks changed after the upgrade get the configured lead). A reminder whose time
 * has already come is marked as sent: the delayed job before the upgrade sent it (or was about to),
 * and an upgrade must not remind every late task at once.
 */
export class TaskReminderDates1797100000000 implements MigrationInterface {
  name = 'TaskReminderDates1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tasks"
              ADD "due_soon_at" TIMESTAMP WITH TIME ZONE,
              ADD "due_soon_sent_at" TIMESTAMP WITH TIME ZONE,
              ADD "overdue_at" TIMESTAMP WITH TIME ZONE,
              ADD "overdue_sent_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            WITH dated AS (
              SELECT id, (due_date + 1)::timestamp AT TIME ZONE 'UTC' AS due_end
                FROM tasks
               WHERE due_date IS NOT NULL AND state IN ('todo', 'in_progress', 'blocked')
            )
            UPDATE tasks t SET
              overdue_at = d.due_end,
              overdue_sent_at = CASE WHEN d.due_end <= now() THEN now() END,
              due_soon_at = CASE WHEN d.due_end > now() THEN d.due_end - interval '24 hours' END,
              due_soon_sent_at = CASE WHEN d.due_end > now() AND d.due_end - interval '24 hours' <= now()
                                      THEN now() END
              FROM dated d WHERE t.id = d.id
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_due_soon_pending" ON "tasks" ("due_soon_at", "id")
            WHERE due_soon_at IS NOT NULL AND due_soon_sent_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_overdue_pending" ON "tasks" ("overdue_at", "id")
            WHERE overdue_at IS NOT NULL AND overdue_sent_at IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_overdue_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_due_soon_pending"`);
    await queryRunner.query(`
            ALTER TABLE "tasks"
              DROP COLUMN "overdue_sent_at", DROP COLUMN "overdue_at",
              DROP COLUMN "due_soon_sent_at", DROP COLUMN "due_soon_at"
        `);
  }
}
