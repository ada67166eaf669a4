import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reporting1795443789600 implements MigrationInterface {
  name = 'Reporting1795443789600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(32) NOT NULL,
                "format" character varying(8) NOT NULL,
                "parameters" jsonb NOT NULL DEFAULT '{}',
                "requested_by_user_id" uuid NOT NULL,
                "recipient_user_ids" uuid array NOT NULL DEFAULT '{}',
                "schedule_id" uuid,
                "period_key" character varying(64),
                "status" character varying(16) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "processed_rows" bigint NOT NULL DEFAULT '0',
                "total_rows" bigint,
                "failure_reason" character varying(1000),
                "file_name" character varying(200),
                "content_type" character varying(120),
                "byte_size" bigint,
                "storage_key" character varying(200),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "heartbeat_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reports_expires" ON "reports" ("expires_at")
            WHERE status = 'done'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reports_schedule_period" ON "reports" ("schedule_id", "period_key")
            WHERE schedule_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reports_requester" ON "reports" ("requested_by_user_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_schedules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_user_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "kind" character varying(32) NOT NULL,
                "format" character varying(8) NOT NULL,
                "parameters" jsonb NOT NULL DEFAULT '{}',
                "cadence" character varying(8) NOT NULL,
                "recipient_user_ids" uuid array NOT NULL DEFAULT '{}',
                "last_fired_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_603f9cdaaf4c1193d7399c1e79c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_report_schedules_owner" ON "report_schedules" ("owner_user_id", "created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "reports"
            ADD CONSTRAINT "fk_reports_requested_by_user" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reports"
            ADD CONSTRAINT "fk_reports_schedule" FOREIGN KEY ("schedule_id") REFERENCES "report_schedules"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "report_schedules"
            ADD CONSTRAINT "fk_report_schedules_owner_user" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_schedules" DROP CONSTRAINT "fk_report_schedules_owner_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "reports" DROP CONSTRAINT "fk_reports_schedule"
        `);
    await queryRunner.query(`
            ALTER TABLE "reports" DROP CONSTRAINT "fk_reports_requested_by_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_report_schedules_owner"
        `);
    await queryRunner.query(`
            DROP TABLE "report_schedules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reports_requester"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_reports_schedule_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reports_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "reports"
        `);
  }
}
