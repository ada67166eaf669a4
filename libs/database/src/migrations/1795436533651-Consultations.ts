import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consultations1795436533651 implements MigrationInterface {
  name = 'Consultations1795436533651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "consultations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "title" jsonb NOT NULL,
                "description" jsonb NOT NULL DEFAULT '{}',
                "languages" character varying(16) array NOT NULL,
                "opens_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "anonymous" boolean NOT NULL DEFAULT false,
                "audience" character varying(24) NOT NULL DEFAULT 'invited',
                "programme_ids" uuid array NOT NULL DEFAULT '{}',
                "status" character varying(24) NOT NULL DEFAULT 'draft',
                "announced_at" TIMESTAMP(3) WITH TIME ZONE,
                "opened_at" TIMESTAMP(3) WITH TIME ZONE,
                "closed_at" TIMESTAMP(3) WITH TIME ZONE,
                "outcome" jsonb,
                "outcome_published_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultations_created" ON "consultations" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultations_organization" ON "consultations" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_invitations" (
                "consultation_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_21d7f02ff56e6ded909b35b2476" PRIMARY KEY ("consultation_id", "organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_invitations_organization" ON "consultation_invitations" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consultation_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "type" character varying(24) NOT NULL,
                "prompt" jsonb NOT NULL,
                "options" jsonb NOT NULL DEFAULT '[]',
                "required" boolean NOT NULL DEFAULT false,
                "max_length" integer,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bd54aca1dad52a7bf557610aa27" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_questions_order" ON "consultation_questions" ("consultation_id", "position", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consultation_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "submitted_by_user_id" uuid,
                "answers" jsonb NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0828454d802d449776a462a45ce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_consultation_responses_organization" ON "consultation_responses" ("consultation_id", "organization_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "consultations"
            ADD CONSTRAINT "fk_consultations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_invitations"
            ADD CONSTRAINT "fk_consultation_invitations_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_invitations"
            ADD CONSTRAINT "fk_consultation_invitations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions"
            ADD CONSTRAINT "fk_consultation_questions_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_responses"
            ADD CONSTRAINT "fk_consultation_responses_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_responses"
            ADD CONSTRAINT "fk_consultation_responses_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "consultation_responses" DROP CONSTRAINT "fk_consultation_responses_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_responses" DROP CONSTRAINT "fk_consultation_responses_consultation"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_questions" DROP CONSTRAINT "fk_consultation_questions_consultation"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_invitations" DROP CONSTRAINT "fk_consultation_invitations_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_invitations" DROP CONSTRAINT "fk_consultation_invitations_consultation"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_consultation_responses_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_responses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultation_questions_order"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultation_invitations_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultations_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultations_created"
        `);
    await queryRunner.query(`
            DROP TABLE "consultations"
        `);
  }
}
