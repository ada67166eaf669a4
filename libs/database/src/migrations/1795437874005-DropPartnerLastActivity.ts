import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropPartnerLastActivity1795437874005 implements MigrationInterface {
  name = 'DropPartnerLastActivity1795437874005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "programme_partners" DROP COLUMN "last_activity_at"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "programme_partners"
            ADD "last_activity_at" TIMESTAMP WITH TIME ZONE
        `);
  }
}
