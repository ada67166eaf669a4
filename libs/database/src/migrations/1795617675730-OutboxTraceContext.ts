import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expand only: a nullable column the previous release neither reads nor writes. Holds the W3C
 * trace context (traceparent, tracestate) of the request that wrote the event; null when untraced.
 */
export class OutboxTraceContext1795617675730 implements MigrationInterface {
  name = 'OutboxTraceContext1795617675730';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD "trace_context" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // contract: only when rolling back this very migration.
    await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP COLUMN "trace_context"
        `);
  }
}
