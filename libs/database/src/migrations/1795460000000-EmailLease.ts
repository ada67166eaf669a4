import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail deliveries are claimed before the SMTP exchange (status `sending` with a lease) and marked
 * sent right after the server's 250, so a retry, a second replica or a stalled job never sends a
 * delivery whose exchange completed; only a crash inside the exchange can repeat it, after the lease.
 */
export class EmailLease1795460000000 implements MigrationInterface {
  name = 'EmailLease1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "email_deliveries"
            ADD "lease_until" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "email_deliveries" DROP COLUMN "lease_until"
        `);
  }
}
