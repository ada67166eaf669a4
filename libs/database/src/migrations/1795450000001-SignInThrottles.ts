import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInThrottles1795450000001 implements MigrationInterface {
  name = 'SignInThrottles1795450000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sign_in_throttles" (
                "key" character(64) NOT NULL,
                "failures" integer NOT NULL DEFAULT '0',
                "blocked_until" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_sign_in_throttles" PRIMARY KEY ("key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "sign_in_throttles"
        `);
  }
}
