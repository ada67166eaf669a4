import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyLocation1795448148149 implements MigrationInterface {
  name = 'IdempotencyLocation1795448148149';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys"
            ADD "response_location" character varying(500)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" DROP COLUMN "response_location"
        `);
  }
}
