import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795433620612 implements MigrationInterface {
  name = 'Initial1795433620612';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(100) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_outbox_events_pending" ON "outbox_events" ("available_at")
            WHERE dispatched_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "actor_user_id" uuid,
                "action" character varying(16) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" character varying(64) NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "request_id" character varying(128),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_actor" ON "audit_events" ("actor_user_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_occurred" ON "audit_events" ("occurred_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "platform_role" character varying(16) NOT NULL DEFAULT 'user',
                "preferred_language" character varying(8) NOT NULL DEFAULT 'en',
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_memberships_organization" ON "memberships" ("organization_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_memberships_user_organization" ON "memberships" ("user_id", "organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_sessions_user" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_refresh_tokens_session" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "role" character varying(16) NOT NULL,
                "language" character varying(8) NOT NULL DEFAULT 'en',
                "invited_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_user_id" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invitations_pending_email" ON "invitations" ("organization_id", "email")
            WHERE accepted_at IS NULL
                AND revoked_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "email_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dedupe_key" character varying(200) NOT NULL,
                "recipient" character varying(254) NOT NULL,
                "template" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "message_id" character varying(255),
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_email_deliveries_dedupe_key" ON "email_deliveries" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(32) NOT NULL,
                "name" character varying(200) NOT NULL,
                "country" character(2) NOT NULL,
                "city" character varying(120) NOT NULL,
                "contact_email" character varying(254) NOT NULL,
                "website" character varying(500),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_organizations_country_city" ON "organizations" ("country", "city")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_organizations_kind" ON "organizations" ("kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_organizations_name" ON "organizations" ("name", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "government_profiles" (
                "organization_id" uuid NOT NULL,
                "level" character varying(16) NOT NULL,
                "jurisdiction" character varying(200) NOT NULL,
                CONSTRAINT "PK_06d0d4aaf6a41f8e0b4c8aefb21" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_government_profiles_level" ON "government_profiles" ("level")
        `);
    await queryRunner.query(`
            CREATE TABLE "employer_profiles" (
                "organization_id" uuid NOT NULL,
                "sector" character(1) NOT NULL,
                "size_band" character varying(16) NOT NULL,
                CONSTRAINT "PK_1d90838ff378c7afd70af21f7d3" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_employer_profiles_sector" ON "employer_profiles" ("sector")
        `);
    await queryRunner.query(`
            CREATE TABLE "civil_society_profiles" (
                "organization_id" uuid NOT NULL,
                "services" character varying(40) array NOT NULL,
                CONSTRAINT "PK_23997ab34df023fc4f04f660fb5" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "migrant_association_profiles" (
                "organization_id" uuid NOT NULL,
                "communities" character(2) array NOT NULL,
                "languages" character varying(2) array NOT NULL,
                CONSTRAINT "PK_02c0854645ec91eff4eeae3d406" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "fk_memberships_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "fk_refresh_tokens_session" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "fk_invitations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "fk_invitations_invited_by" FOREIGN KEY ("invited_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles"
            ADD CONSTRAINT "fk_government_profiles_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "employer_profiles"
            ADD CONSTRAINT "fk_employer_profiles_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "civil_society_profiles"
            ADD CONSTRAINT "fk_civil_society_profiles_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "migrant_association_profiles"
            ADD CONSTRAINT "fk_migrant_association_profiles_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // What TypeORM cannot express in entities: written by hand, kept in this migration.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organizations_name_country" ON "organizations" (lower("name"), "country")
        `);
    // Wakes the worker's outbox relay as soon as a transaction that wrote events commits.
    await queryRunner.query(`
            CREATE FUNCTION tandem_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('tandem_outbox', '');
                RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER trg_outbox_events_notify AFTER INSERT ON "outbox_events"
            FOR EACH STATEMENT EXECUTE FUNCTION tandem_outbox_notify()
        `);
    // The audit trail is append-only, whatever the application does.
    await queryRunner.query(`
            CREATE FUNCTION tandem_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION tandem_audit_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS trg_audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS tandem_audit_append_only()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS trg_outbox_events_notify ON "outbox_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS tandem_outbox_notify()`);
    await queryRunner.query(`DROP INDEX IF EXISTS "uq_organizations_name_country"`);
    await queryRunner.query(`
            ALTER TABLE "migrant_association_profiles" DROP CONSTRAINT "fk_migrant_association_profiles_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "civil_society_profiles" DROP CONSTRAINT "fk_civil_society_profiles_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "employer_profiles" DROP CONSTRAINT "fk_employer_profiles_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "government_profiles" DROP CONSTRAINT "fk_government_profiles_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "fk_invitations_invited_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "fk_invitations_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user"
        `);
    await queryRunner.query(`
            DROP TABLE "migrant_association_profiles"
        `);
    await queryRunner.query(`
            DROP TABLE "civil_society_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_employer_profiles_sector"
        `);
    await queryRunner.query(`
            DROP TABLE "employer_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_government_profiles_level"
        `);
    await queryRunner.query(`
            DROP TABLE "government_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_organizations_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_organizations_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_organizations_country_city"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_email_deliveries_dedupe_key"
        `);
    await queryRunner.query(`
            DROP TABLE "email_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_invitations_pending_email"
        `);
    await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_tokens_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_refresh_tokens_session"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_memberships_user_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_memberships_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "memberships"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_actor"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_outbox_events_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
  }
}
