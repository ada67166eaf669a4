import { MigrationInterface, QueryRunner } from 'typeorm';

export class Placements1795438754317 implements MigrationInterface {
  name = 'Placements1795438754317';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "participants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reference_code" character varying(16) NOT NULL,
                "registered_by_organization_id" uuid NOT NULL,
                "programme_id" uuid,
                "year_of_birth" smallint,
                "gender" character varying(16),
                "country_of_origin" character(2),
                "arrival_year" smallint,
                "status_category" character varying(24),
                "languages" character varying(2) array,
                "consent_given_at" TIMESTAMP WITH TIME ZONE,
                "consent_scope" character varying(500),
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_participants_programme" ON "participants" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_participants_registered_by" ON "participants" (
                "registered_by_organization_id",
                "created_at",
                "id"
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_participants_reference_code" ON "participants" ("reference_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "placements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "participant_id" uuid NOT NULL,
                "employer_organization_id" uuid NOT NULL,
                "programme_id" uuid,
                "job_title" character varying(200) NOT NULL,
                "occupation_code" character varying(4) NOT NULL,
                "sector" character(1) NOT NULL,
                "start_date" date NOT NULL,
                "contract_type" character varying(16) NOT NULL,
                "hours_per_week" numeric(4, 1) NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'active',
                "end_date" date,
                "end_reason" character varying(500),
                "import_id" uuid,
                "created_by_user_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_91cca43a1baa03ee278d7be74da" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placements_participant" ON "placements" ("participant_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placements_programme" ON "placements" ("programme_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placements_employer" ON "placements" ("employer_organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "retention_checks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "placement_id" uuid NOT NULL,
                "months" smallint NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'scheduled',
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "still_employed" boolean,
                "left_on" date,
                "reason" character varying(500),
                "answered_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4fdc72b34922f277be9c7b25a0c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_retention_checks_status_due_on" ON "retention_checks" ("status", "due_on")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_retention_checks_placement_months" ON "retention_checks" ("placement_id", "months")
        `);
    await queryRunner.query(`
            CREATE TABLE "placement_imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employer_organization_id" uuid NOT NULL,
                "created_by_user_id" uuid NOT NULL,
                "mode" character varying(16) NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'queued',
                "file_name" character varying(255) NOT NULL,
                "content_sha256" character(64) NOT NULL,
                "idempotency_key" character varying(200),
                "file" bytea,
                "total_rows" integer,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "failure_reason" character varying(500),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ec9656092da90af92f0241f15ca" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_placement_imports_user_idempotency_key" ON "placement_imports" ("created_by_user_id", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_placement_imports_employer_content" ON "placement_imports" ("employer_organization_id", "content_sha256")
        `);
    await queryRunner.query(`
            ALTER TABLE "participants"
            ADD CONSTRAINT "fk_participants_registered_by_organization" FOREIGN KEY ("registered_by_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "participants"
            ADD CONSTRAINT "fk_participants_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_participant" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_employer_organization" FOREIGN KEY ("employer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placements"
            ADD CONSTRAINT "fk_placements_import" FOREIGN KEY ("import_id") REFERENCES "placement_imports"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "retention_checks"
            ADD CONSTRAINT "fk_retention_checks_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "placement_imports"
            ADD CONSTRAINT "fk_placement_imports_employer_organization" FOREIGN KEY ("employer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "placement_imports" DROP CONSTRAINT "fk_placement_imports_employer_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "retention_checks" DROP CONSTRAINT "fk_retention_checks_placement"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_import"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_employer_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "placements" DROP CONSTRAINT "fk_placements_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "participants" DROP CONSTRAINT "fk_participants_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "participants" DROP CONSTRAINT "fk_participants_registered_by_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placement_imports_employer_content"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_placement_imports_user_idempotency_key"
        `);
    await queryRunner.query(`
            DROP TABLE "placement_imports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_retention_checks_placement_months"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_retention_checks_status_due_on"
        `);
    await queryRunner.query(`
            DROP TABLE "retention_checks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placements_employer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placements_programme"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_placements_participant"
        `);
    await queryRunner.query(`
            DROP TABLE "placements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_participants_reference_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_participants_registered_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_participants_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "participants"
        `);
  }
}
