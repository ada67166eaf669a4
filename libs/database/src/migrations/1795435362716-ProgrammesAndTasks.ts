import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammesAndTasks1795435362716 implements MigrationInterface {
  name = 'ProgrammesAndTasks1795435362716';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "method" character varying(8) NOT NULL,
                "path" character varying(300) NOT NULL,
                "key" character varying(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_idempotency_keys_created" ON "idempotency_keys" ("created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_idempotency_keys_scope" ON "idempotency_keys" ("user_id", "method", "path", "key")
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "type" character varying(64) NOT NULL,
                "title" character varying(300) NOT NULL,
                "body" text NOT NULL DEFAULT '',
                "subject_type" character varying(32) NOT NULL,
                "subject_id" uuid NOT NULL,
                "dedupe_key" character varying(200) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_user" ON "notifications" ("user_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("user_id", "dedupe_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "lead_organization_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                "country" character(2) NOT NULL,
                "region" character varying(120),
                "city" character varying(120),
                "budget_amount" numeric(14, 2),
                "budget_currency" character(3),
                "target_groups" character varying(40) array NOT NULL DEFAULT '{}',
                "dimensions" character varying(20) array NOT NULL DEFAULT '{}',
                "sdg_targets" character varying(8) array NOT NULL DEFAULT '{}',
                "gcm_objectives" integer array NOT NULL DEFAULT '{}',
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programmes_dimensions" ON "programmes" ("dimensions")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programmes_created" ON "programmes" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programmes_lead" ON "programmes" ("lead_organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "programme_partners" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'invited',
                "agreement_signed_on" date,
                "agreement_reference" character varying(120),
                "agreement_expires_on" date,
                "last_activity_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a89cb16b8c3aeb59a9e0231b586" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programme_partners_organization" ON "programme_partners" ("organization_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programme_partners_programme_organization" ON "programme_partners" ("programme_id", "organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "programme_managers" (
                "programme_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_045f36fa833abbf07e609ffd12b" PRIMARY KEY ("programme_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "milestones" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "due_date" date NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_milestones_programme" ON "milestones" ("programme_id", "due_date", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "dimension" character varying(20) NOT NULL,
                "unit" character varying(40) NOT NULL,
                "kind" character varying(8) NOT NULL DEFAULT 'plain',
                "baseline" numeric(18, 4) NOT NULL,
                "target" numeric(18, 4) NOT NULL,
                "direction" character varying(8) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_indicators_programme" ON "indicators" ("programme_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_values" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "indicator_id" uuid NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "value" numeric(18, 4) NOT NULL,
                "migrant_value" numeric(18, 4),
                "host_value" numeric(18, 4),
                "note" text,
                "reported_by_user_id" uuid NOT NULL,
                "reported_by_organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_611038cccc7a74de92fed3da44d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_indicator_values_period" ON "indicator_values" ("indicator_id", "period_start", "period_end")
        `);
    await queryRunner.query(`
            CREATE TABLE "reporting_period_locks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "locked_by_user_id" uuid NOT NULL,
                "locked_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_64ebc1756951a2c32a83d4360f2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reporting_period_locks_period" ON "reporting_period_locks" ("programme_id", "period_start", "period_end")
        `);
    await queryRunner.query(`
            CREATE TABLE "tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "milestone_id" uuid,
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "assignee_organization_id" uuid NOT NULL,
                "assignee_user_id" uuid,
                "priority" character varying(8) NOT NULL DEFAULT 'normal',
                "due_date" date,
                "state" character varying(16) NOT NULL DEFAULT 'todo',
                "blocked_reason" text,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_milestone" ON "tasks" ("milestone_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_assignee_user" ON "tasks" ("assignee_user_id", "state")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_assignee_organization" ON "tasks" ("assignee_organization_id", "state")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_tasks_programme" ON "tasks" ("programme_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "task_dependencies" (
                "task_id" uuid NOT NULL,
                "depends_on_task_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_34abffd156d4d10466f5f254ef2" PRIMARY KEY ("task_id", "depends_on_task_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_task_dependencies_depends_on" ON "task_dependencies" ("depends_on_task_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "task_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "task_id" uuid NOT NULL,
                "author_user_id" uuid NOT NULL,
                "body" text NOT NULL,
                "mentioned_user_ids" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_83b99b0b03db29d4cafcb579b77" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_task_comments_task" ON "task_comments" ("task_id", "created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD CONSTRAINT "fk_programmes_lead_organization" FOREIGN KEY ("lead_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_partners"
            ADD CONSTRAINT "fk_programme_partners_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_partners"
            ADD CONSTRAINT "fk_programme_partners_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_managers"
            ADD CONSTRAINT "fk_programme_managers_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_managers"
            ADD CONSTRAINT "fk_programme_managers_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "milestones"
            ADD CONSTRAINT "fk_milestones_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "fk_indicators_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "fk_indicator_values_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_period_locks"
            ADD CONSTRAINT "fk_reporting_period_locks_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "fk_tasks_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "fk_tasks_milestone" FOREIGN KEY ("milestone_id") REFERENCES "milestones"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "fk_tasks_assignee_organization" FOREIGN KEY ("assignee_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "fk_tasks_assignee_user" FOREIGN KEY ("assignee_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_dependencies"
            ADD CONSTRAINT "fk_task_dependencies_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_dependencies"
            ADD CONSTRAINT "fk_task_dependencies_depends_on" FOREIGN KEY ("depends_on_task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_comments"
            ADD CONSTRAINT "fk_task_comments_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_comments"
            ADD CONSTRAINT "fk_task_comments_author" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "task_comments" DROP CONSTRAINT "fk_task_comments_author"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_comments" DROP CONSTRAINT "fk_task_comments_task"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_dependencies" DROP CONSTRAINT "fk_task_dependencies_depends_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_dependencies" DROP CONSTRAINT "fk_task_dependencies_task"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_assignee_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_assignee_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_milestone"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "fk_tasks_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "reporting_period_locks" DROP CONSTRAINT "fk_reporting_period_locks_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "fk_indicator_values_indicator"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "fk_indicators_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "milestones" DROP CONSTRAINT "fk_milestones_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_managers" DROP CONSTRAINT "fk_programme_managers_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_managers" DROP CONSTRAINT "fk_programme_managers_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_partners" DROP CONSTRAINT "fk_programme_partners_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_partners" DROP CONSTRAINT "fk_programme_partners_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP CONSTRAINT "fk_programmes_lead_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_task_comments_task"
        `);
    await queryRunner.query(`
            DROP TABLE "task_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_task_dependencies_depends_on"
        `);
    await queryRunner.query(`
            DROP TABLE "task_dependencies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_tasks_programme"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_tasks_assignee_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_tasks_assignee_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_tasks_milestone"
        `);
    await queryRunner.query(`
            DROP TABLE "tasks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_reporting_period_locks_period"
        `);
    await queryRunner.query(`
            DROP TABLE "reporting_period_locks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_indicator_values_period"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_values"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_indicators_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "indicators"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_milestones_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "milestones"
        `);
    await queryRunner.query(`
            DROP TABLE "programme_managers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_programme_partners_programme_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_programme_partners_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "programme_partners"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_programmes_lead"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_programmes_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_programmes_dimensions"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notifications_dedupe"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_user"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_idempotency_keys_scope"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_idempotency_keys_created"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
