import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795443711276 implements MigrationInterface {
  name = 'Notifications1795443711276';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dead_letters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "queue" character varying(64) NOT NULL,
                "job_name" character varying(100) NOT NULL,
                "job_id" character varying(300) NOT NULL,
                "payload" jsonb NOT NULL,
                "error" text NOT NULL,
                "attempts" integer NOT NULL,
                "failed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "replayed_at" TIMESTAMP WITH TIME ZONE,
                "replayed_by" uuid,
                "replay_job_id" uuid,
                CONSTRAINT "PK_084e63809483fb0a9c48aae607f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_dead_letters_failed" ON "dead_letters" ("failed_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_dead_letters_job" ON "dead_letters" ("queue", "job_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "user_id" uuid NOT NULL,
                "email_default" character varying(16) NOT NULL DEFAULT 'immediate',
                "email_by_type" jsonb NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "webhooks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "event_types" text array NOT NULL,
                "description" character varying(500),
                "secret" character varying(100) NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "disabled_reason" character varying(16),
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "consecutive_failures" integer NOT NULL DEFAULT '0',
                "created_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_webhooks_organization" ON "webhooks" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "webhook_id" uuid NOT NULL,
                "event_key" character varying(200) NOT NULL,
                "event_type" character varying(64) NOT NULL,
                "body" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_status_code" integer,
                "last_error" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_webhook_deliveries_event_key" ON "webhook_deliveries" ("event_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries" ("webhook_id", "event_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notification_id" uuid NOT NULL,
                "channel" character varying(16) NOT NULL,
                "fan_out_id" character varying(300) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_deliveries_fan_out" ON "notification_deliveries" ("fan_out_id", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_deliveries_channel" ON "notification_deliveries" ("notification_id", "channel")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_delivery_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "delivery_id" uuid NOT NULL,
                "status_code" integer,
                "error" text,
                "duration_ms" integer NOT NULL,
                "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id", "attempted_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "time_zone" character varying(64) NOT NULL DEFAULT 'UTC'
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD "digested_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_undigested" ON "notifications" ("user_id", "created_at")
            WHERE read_at IS NULL
                AND digested_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_dedupe_key" ON "notifications" ("dedupe_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences"
            ADD CONSTRAINT "fk_notification_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "fk_webhook_deliveries_webhook" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD CONSTRAINT "fk_notification_deliveries_notification" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempts"
            ADD CONSTRAINT "fk_webhook_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempts" DROP CONSTRAINT "fk_webhook_delivery_attempts_delivery"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP CONSTRAINT "fk_notification_deliveries_notification"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_webhook"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences" DROP CONSTRAINT "fk_notification_preferences_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_dedupe_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notifications_undigested"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP COLUMN "digested_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "time_zone"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_delivery_attempts_delivery"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_delivery_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_deliveries_channel"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_deliveries_fan_out"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_webhook_deliveries_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_deliveries_webhook"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_webhook_deliveries_event_key"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_webhooks_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "webhooks"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_dead_letters_job"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_dead_letters_failed"
        `);
    await queryRunner.query(`
            DROP TABLE "dead_letters"
        `);
  }
}
