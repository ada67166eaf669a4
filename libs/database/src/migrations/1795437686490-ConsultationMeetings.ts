import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsultationMeetings1795437686490 implements MigrationInterface {
  name = 'ConsultationMeetings1795437686490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "consultation_meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consultation_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "type" character varying(16) NOT NULL,
                "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "location" character varying(500),
                "online_url" character varying(2000),
                "capacity" integer,
                "status" character varying(16) NOT NULL DEFAULT 'scheduled',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_e05629b3d5ba00fa7297dc6f2c9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_meetings_consultation" ON "consultation_meetings" ("consultation_id", "starts_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_meeting_rsvps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organization_id" uuid,
                "status" character varying(16) NOT NULL,
                "queued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "attended" boolean,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_38c3db49478d9843acb52b10022" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_meeting_rsvps_queue" ON "consultation_meeting_rsvps" ("meeting_id", "status", "queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_consultation_meeting_rsvps_user" ON "consultation_meeting_rsvps" ("meeting_id", "user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_meetings"
            ADD CONSTRAINT "fk_consultation_meetings_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_meeting_rsvps"
            ADD CONSTRAINT "fk_consultation_meeting_rsvps_meeting" FOREIGN KEY ("meeting_id") REFERENCES "consultation_meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_meeting_rsvps"
            ADD CONSTRAINT "fk_consultation_meeting_rsvps_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "consultation_meeting_rsvps" DROP CONSTRAINT "fk_consultation_meeting_rsvps_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_meeting_rsvps" DROP CONSTRAINT "fk_consultation_meeting_rsvps_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_meetings" DROP CONSTRAINT "fk_consultation_meetings_consultation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_consultation_meeting_rsvps_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultation_meeting_rsvps_queue"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_meeting_rsvps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_consultation_meetings_consultation"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_meetings"
        `);
  }
}
