import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: a consultation's owner makes its published outcome public (and, separately, its free
 * texts); a programme's lead lists it on the public territory page. Expand-only: new columns with
 * defaults, partial indexes over public rows only.
 */
export class PublicConsultations1796500000000 implements MigrationInterface {
  name = 'PublicConsultations1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "consultations"
        ADD "public_outcome" boolean NOT NULL DEFAULT false,
        ADD "public_free_texts" boolean NOT NULL DEFAULT false,
        ADD "public_outcome_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_public" ON "consultations" ("public_outcome_at", "id") WHERE public_outcome`,
    );
    // Byte-identical to libs/consultations/src/public-consultation-search.ts (checked by its spec).
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_public_search_en" ON "consultations" USING gin ((to_tsvector('english'::regconfig, coalesce(title ->> 'en', '') || ' ' || coalesce(description ->> 'en', '') || ' ' || coalesce(outcome #>> '{summary,en}', '')))) WHERE public_outcome`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_public_search_fr" ON "consultations" USING gin ((to_tsvector('french'::regconfig, coalesce(title ->> 'fr', '') || ' ' || coalesce(description ->> 'fr', '') || ' ' || coalesce(outcome #>> '{summary,fr}', '')))) WHERE public_outcome`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_public_search_es" ON "consultations" USING gin ((to_tsvector('spanish'::regconfig, coalesce(title ->> 'es', '') || ' ' || coalesce(description ->> 'es', '') || ' ' || coalesce(outcome #>> '{summary,es}', '')))) WHERE public_outcome`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consultations_public_search_ar" ON "consultations" USING gin ((to_tsvector('simple'::regconfig, translate(coalesce(title ->> 'ar', '') || ' ' || coalesce(description ->> 'ar', '') || ' ' || coalesce(outcome #>> '{summary,ar}', ''), 'أإآٱىةـًٌٍَُِّْ', 'اااايه')))) WHERE public_outcome`,
    );
    await queryRunner.query(`ALTER TABLE "programmes" ADD "listed_publicly" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX "idx_programmes_listed_publicly" ON "programmes" ("territory_code") WHERE listed_publicly`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_programmes_listed_publicly"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP COLUMN "listed_publicly"`);
    for (const lang of ['en', 'fr', 'es', 'ar'])
      await queryRunner.query(`DROP INDEX "idx_consultations_public_search_${lang}"`);
    await queryRunner.query(`DROP INDEX "idx_consultations_public"`);
    await queryRunner.query(
      `ALTER TABLE "consultations" DROP COLUMN "public_outcome_at", DROP COLUMN "public_free_texts", DROP COLUMN "public_outcome"`,
    );
  }
}
