import { MigrationInterface, QueryRunner } from 'typeorm';

export class Measuring1795617714098 implements MigrationInterface {
  name = 'Measuring1795617714098';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "indicator_frameworks" (
                "code" character varying(30) NOT NULL,
                "name" jsonb NOT NULL,
                "publisher" character varying(200) NOT NULL,
                "year" integer NOT NULL,
                "url" character varying(500),
                "description" jsonb NOT NULL,
                CONSTRAINT "PK_a130b248fb865b3454c524a2823" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "framework_indicators" (
                "code" character varying(80) NOT NULL,
                "framework_code" character varying(30) NOT NULL,
                "position" integer NOT NULL,
                "domain" character varying(60) NOT NULL,
                "dimension" character varying(20) NOT NULL,
                "name" jsonb NOT NULL,
                "definition" jsonb NOT NULL,
                "unit" character varying(40) NOT NULL,
                "direction" character varying(8) NOT NULL,
                "kind" character varying(8) NOT NULL,
                "comparison_population" character varying(200),
                "data_source" character varying(24) NOT NULL,
                CONSTRAINT "PK_29220ce960a75a65dcd5ea76c31" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_framework_indicators_framework" ON "framework_indicators" ("framework_code", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "territories" (
                "code" character varying(64) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "country" character(2) NOT NULL,
                "parent_code" character varying(64),
                "name" character varying(200) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e1a81c0cf29b429237ed209cc07" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_territories_parent" ON "territories" ("parent_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "territory_observations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "territory_code" character varying(64) NOT NULL,
                "indicator_code" character varying(80) NOT NULL,
                "period" character varying(4) NOT NULL,
                "migrant_value" numeric(18, 4) NOT NULL,
                "host_value" numeric(18, 4),
                "sample_size" integer,
                "small_sample" boolean NOT NULL DEFAULT false,
                "source" character varying(500) NOT NULL,
                "source_url" character varying(500),
                "published_by_organization_id" uuid NOT NULL,
                "published_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_ac5f61f8b8b8f237d97f9326f09" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_territory_observations_indicator" ON "territory_observations" ("indicator_code", "territory_code", "period")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_territory_observations_period" ON "territory_observations" ("territory_code", "indicator_code", "period")
        `);
    await queryRunner.query(`
            CREATE TABLE "bank_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(24) NOT NULL,
                "prompt" jsonb NOT NULL,
                "options" jsonb NOT NULL DEFAULT '[]',
                "dimensions" character varying(20) array NOT NULL DEFAULT '{}',
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_14ab16cb9827241edf812f3a28e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_bank_questions_dimensions" ON "bank_questions" ("dimensions")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_bank_questions_created" ON "bank_questions" ("created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions"
            ADD "bank_question_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "policy_areas" character varying(32) array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "mainstream" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "territory_code" character varying(64)
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD "framework_indicator_code" character varying(80)
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD "definition" text
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles"
            ADD "territory_code" character varying(64)
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles"
            ADD "policy_areas" character varying(32) array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_questions_bank_question" ON "consultation_questions" ("bank_question_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions"
            ADD CONSTRAINT "fk_consultation_questions_bank_question" FOREIGN KEY ("bank_question_id") REFERENCES "bank_questions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "framework_indicators"
            ADD CONSTRAINT "fk_framework_indicators_framework" FOREIGN KEY ("framework_code") REFERENCES "indicator_frameworks"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "territories"
            ADD CONSTRAINT "fk_territories_parent" FOREIGN KEY ("parent_code") REFERENCES "territories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations"
            ADD CONSTRAINT "fk_territory_observations_territory" FOREIGN KEY ("territory_code") REFERENCES "territories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations"
            ADD CONSTRAINT "fk_territory_observations_indicator" FOREIGN KEY ("indicator_code") REFERENCES "framework_indicators"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations"
            ADD CONSTRAINT "fk_territory_observations_organization" FOREIGN KEY ("published_by_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations"
            ADD CONSTRAINT "fk_territory_observations_user" FOREIGN KEY ("published_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "territory_observations" DROP CONSTRAINT "fk_territory_observations_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations" DROP CONSTRAINT "fk_territory_observations_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations" DROP CONSTRAINT "fk_territory_observations_indicator"
        `);
    await queryRunner.query(`
            ALTER TABLE "territory_observations" DROP CONSTRAINT "fk_territory_observations_territory"
        `);
    await queryRunner.query(`
            ALTER TABLE "territories" DROP CONSTRAINT "fk_territories_parent"
        `);
    await queryRunner.query(`
            ALTER TABLE "framework_indicators" DROP CONSTRAINT "fk_framework_indicators_framework"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions" DROP CONSTRAINT "fk_consultation_questions_bank_question"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultation_questions_bank_question"
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles" DROP COLUMN "policy_areas"
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles" DROP COLUMN "territory_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators" DROP COLUMN "definition"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators" DROP COLUMN "framework_indicator_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "territory_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "mainstream"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "policy_areas"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions" DROP COLUMN "bank_question_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_bank_questions_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_bank_questions_dimensions"
        `);
    await queryRunner.query(`
            DROP TABLE "bank_questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_territory_observations_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_territory_observations_indicator"
        `);
    await queryRunner.query(`
            DROP TABLE "territory_observations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_territories_parent"
        `);
    await queryRunner.query(`
            DROP TABLE "territories"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_framework_indicators_framework"
        `);
    await queryRunner.query(`
            DROP TABLE "framework_indicators"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_frameworks"
        `);
  }
}
