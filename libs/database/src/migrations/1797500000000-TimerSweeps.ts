import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation opening and closing, the "closing soon" reminder, meeting reminders and agreement
 * expiry reminders are found by two repeating sweeps (consultation-timer-sweep,
 * agreement-reminder-sweep) instead of one delayed BullMQ job per item.
 *
 * Design: the dates already on the rows are the schedule; only a "sent for" stamp is added per
 * reminder, holding the date the reminder was sent (or passed over) for:
 * - opening: `consultations.opens_at` of a `scheduled` consultation; closing: `closes_at` of an
 *   `open` one. The status move (compare-and-set) is the stamp: nothing added.
 * - closing reminder: `consultations.closing_reminder_for`, pending while the consultation is open and
 *   it differs from `closes_at` (due CONSULTATION_REMINDER_SECONDS before it).
 * - meeting reminder: `consultation_meetings.reminder_for`, pending while the meeting is scheduled and
 *   it differs from `starts_at` (due CONSULTATION_MEETING_REMINDER_SECONDS before it).
 * - agreement reminder: `programme_partners.agreement_reminder_for`, pending while the partner is
 *   active and it differs from `agreement_expires_on` (due AGREEMENT_REMINDER_DAYS before it).
 * Moving a date re-arms its reminder by itself (the stamp no longer matches), cancelling or closing
 * drops it (the status leaves the partial index), and a change of lead time applies to every
 * pending reminder; no service writes the stamps. Partial indexes hold only the pending rows.
 *
 * Backfill: every reminder whose time has already come (with the settings' defaults: 3 days before
 * closing, a day before a meeting, 30 days before expiry; a migration does not read the
 * configuration) is marked as sent for its current date: the delayed job before the upgrade sent it
 * (or was about to), and an upgrade must not send them all again. Openings and closings need no
 * backfill: a scheduled consultation whose opening date has passed is opened by the first sweep, as
 * its delayed job would have.
 */
export class TimerSweeps1797500000000 implements MigrationInterface {
  name = 'TimerSweeps1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "consultations" ADD "closing_reminder_for" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_meetings" ADD "reminder_for" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "programme_partners" ADD "agreement_reminder_for" date`);
    await queryRunner.query(`
            UPDATE consultations SET closing_reminder_for = closes_at
             WHERE status = 'open' AND closes_at - interval '3 days' <= now()
        `);
    await queryRunner.query(`
            UPDATE consultation_meetings SET reminder_for = starts_at
             WHERE status = 'scheduled' AND starts_at - interval '1 day' <= now()
        `);
    await queryRunner.query(`
            UPDATE programme_partners SET agreement_reminder_for = agreement_expires_on
             WHERE agreement_expires_on IS NOT NULL
               AND agreement_expires_on - 30 <= (now() AT TIME ZONE 'UTC')::date
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultations_opening_pending" ON "consultations" ("opens_at", "id")
            WHERE status = 'scheduled'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultations_closing_pending" ON "consultations" ("closes_at", "id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultations_closing_reminder_pending" ON "consultations" ("closes_at", "id")
            WHERE status = 'open' AND closing_reminder_for IS DISTINCT FROM closes_at
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_consultation_meetings_reminder_pending" ON "consultation_meetings" ("starts_at", "id")
            WHERE status = 'scheduled' AND reminder_for IS DISTINCT FROM starts_at
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programme_partners_agreement_reminder_pending"
                ON "programme_partners" ("agreement_expires_on", "id")
            WHERE status = 'active' AND agreement_expires_on IS NOT NULL
              AND agreement_reminder_for IS DISTINCT FROM agreement_expires_on
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_programme_partners_agreement_reminder_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultation_meetings_reminder_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultations_closing_reminder_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultations_closing_pending"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consultations_opening_pending"`);
    await queryRunner.query(`ALTER TABLE "programme_partners" DROP COLUMN "agreement_reminder_for"`);
    await queryRunner.query(`ALTER TABLE "consultation_meetings" DROP COLUMN "reminder_for"`);
    await queryRunner.query(`ALTER TABLE "consultations" DROP COLUMN "closing_reminder_for"`);
  }
}
