import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsultationAnonymityThreshold1795450000000 implements MigrationInterface {
  name = 'ConsultationAnonymityThreshold1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "consultations"
            ADD "anonymity_threshold" smallint NOT NULL DEFAULT '3'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "consultations" DROP COLUMN "anonymity_threshold"
        `);
  }
}
