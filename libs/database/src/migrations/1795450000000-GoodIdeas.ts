import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Good ideas (issue 18): the catalogue, the four-criteria assessments, endorsements, adaptations
 * and curator organisations. Full-text search uses one expression GIN index per language (english,
 * french, spanish; Arabic through 'simple' after normalisation: see libs/good-ideas/src/good-idea-search.ts).
 */
export class GoodIdeas1795450000000 implements MigrationInterface {
  name = 'GoodIdeas1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "good_ideas" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(140) NOT NULL,
                "organization_id" uuid NOT NULL,
                "programme_id" uuid,
                "parent_idea_id" uuid,
                "territory_id" uuid,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "city" character varying(120) NOT NULL,
                "country" character(2) NOT NULL,
                "dimensions" character varying(20) array NOT NULL DEFAULT '{}',
                "themes" character varying(40) array NOT NULL DEFAULT '{}',
                "target_groups" character varying(40) array NOT NULL DEFAULT '{}',
                "sdg_targets" character varying(8) array NOT NULL DEFAULT '{}',
                "gcm_objectives" integer array NOT NULL DEFAULT '{}',
                "partners" jsonb NOT NULL DEFAULT '[]',
                "partner_kinds" character varying(32) array NOT NULL DEFAULT '{}',
                "resources" jsonb NOT NULL DEFAULT '[]',
                "started_on" date,
                "languages" character varying(8) array NOT NULL,
                "texts" jsonb NOT NULL,
                "returned_reason" text,
                "submitted_at" TIMESTAMP(3) WITH TIME ZONE,
                "published_at" TIMESTAMP(3) WITH TIME ZONE,
                "archived_at" TIMESTAMP(3) WITH TIME ZONE,
                "evidence_snapshot" jsonb,
                "evidence_snapshot_at" TIMESTAMP(3) WITH TIME ZONE,
                "structure_snapshot" jsonb,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_good_ideas" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_good_ideas_slug" ON "good_ideas" ("slug")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_organization" ON "good_ideas" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_status" ON "good_ideas" ("status", "published_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_search_en" ON "good_ideas" USING gin ((to_tsvector('english'::regconfig, coalesce(texts #>> '{en,title}', '') || ' ' || coalesce(texts #>> '{en,summary}', '') || ' ' || coalesce(texts #>> '{en,challenge}', '') || ' ' || coalesce(texts #>> '{en,approach}', ''))))
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_search_fr" ON "good_ideas" USING gin ((to_tsvector('french'::regconfig, coalesce(texts #>> '{fr,title}', '') || ' ' || coalesce(texts #>> '{fr,summary}', '') || ' ' || coalesce(texts #>> '{fr,challenge}', '') || ' ' || coalesce(texts #>> '{fr,approach}', ''))))
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_search_es" ON "good_ideas" USING gin ((to_tsvector('spanish'::regconfig, coalesce(texts #>> '{es,title}', '') || ' ' || coalesce(texts #>> '{es,summary}', '') || ' ' || coalesce(texts #>> '{es,challenge}', '') || ' ' || coalesce(texts #>> '{es,approach}', ''))))
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_ideas_search_ar" ON "good_ideas" USING gin ((to_tsvector('simple'::regconfig, translate(coalesce(texts #>> '{ar,title}', '') || ' ' || coalesce(texts #>> '{ar,summary}', '') || ' ' || coalesce(texts #>> '{ar,challenge}', '') || ' ' || coalesce(texts #>> '{ar,approach}', ''), 'أإآٱىةـًٌٍَُِّْ', 'اااايه'))))
        `);
    await queryRunner.query(`
            CREATE TABLE "good_idea_assessments" (
                "idea_id" uuid NOT NULL,
                "criterion" character varying(16) NOT NULL,
                "rating" smallint NOT NULL,
                "rationale" text NOT NULL,
                "reviewer_user_id" uuid,
                "assessed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_good_idea_assessments" PRIMARY KEY ("idea_id", "criterion")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "good_idea_endorsements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "kind" character varying(12) NOT NULL DEFAULT 'endorsement',
                "statement" character varying(1000) NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_good_idea_endorsements" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_good_idea_endorsements_idea_organization" ON "good_idea_endorsements" ("idea_id", "organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "good_idea_adaptations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "city" character varying(120) NOT NULL,
                "country" character(2) NOT NULL,
                "start_date" date NOT NULL,
                "indicator_slots" jsonb NOT NULL DEFAULT '[]',
                "partner_slots" jsonb NOT NULL DEFAULT '[]',
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_good_idea_adaptations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_good_idea_adaptations_idea" ON "good_idea_adaptations" ("idea_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_good_idea_adaptations_programme" ON "good_idea_adaptations" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "good_idea_curators" (
                "organization_id" uuid NOT NULL,
                "granted_by_user_id" uuid,
                "granted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_good_idea_curators" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "good_ideas" ADD CONSTRAINT "fk_good_ideas_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_ideas" ADD CONSTRAINT "fk_good_ideas_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_ideas" ADD CONSTRAINT "fk_good_ideas_parent" FOREIGN KEY ("parent_idea_id") REFERENCES "good_ideas"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_assessments" ADD CONSTRAINT "fk_good_idea_assessments_idea" FOREIGN KEY ("idea_id") REFERENCES "good_ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_endorsements" ADD CONSTRAINT "fk_good_idea_endorsements_idea" FOREIGN KEY ("idea_id") REFERENCES "good_ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_endorsements" ADD CONSTRAINT "fk_good_idea_endorsements_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_adaptations" ADD CONSTRAINT "fk_good_idea_adaptations_idea" FOREIGN KEY ("idea_id") REFERENCES "good_ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_adaptations" ADD CONSTRAINT "fk_good_idea_adaptations_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_adaptations" ADD CONSTRAINT "fk_good_idea_adaptations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "good_idea_curators" ADD CONSTRAINT "fk_good_idea_curators_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "good_idea_curators"`);
    await queryRunner.query(`DROP TABLE "good_idea_adaptations"`);
    await queryRunner.query(`DROP TABLE "good_idea_endorsements"`);
    await queryRunner.query(`DROP TABLE "good_idea_assessments"`);
    await queryRunner.query(`DROP TABLE "good_ideas"`);
  }
}
