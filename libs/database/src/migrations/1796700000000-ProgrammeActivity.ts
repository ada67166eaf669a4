import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's "last activity" per partner, maintained instead of computed per request (which
 * joined every record of the programme to the audit trail: 30–90 ms at the benchmark's scale).
 *
 * `programme_activity` keeps, per programme and user, the latest audit row of that user on one of
 * the programme's records: its tasks, their comments, its indicator values, its partnerships (the
 * same records, matched the same way, as the query it replaces). The dashboard then takes, per
 * partner organisation, the latest figure of its members as they are now, so membership changes
 * count exactly as before.
 *
 * A constraint trigger on audit_events writes it, deferred to the commit of the writing transaction:
 * every write path that audits (services, seeds, imports) feeds it, in the same transaction, and a
 * record inserted after its audit row in that transaction is found all the same. Audit rows are
 * never updated or deleted, and none of these records is deleted or moves to another programme,
 * so a running maximum stays exact.
 */
export class ProgrammeActivity1796700000000 implements MigrationInterface {
  name = 'ProgrammeActivity1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programme_activity" (
                "programme_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ce428d010bcb829fda29eed4a0f" PRIMARY KEY ("programme_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION tandem_programme_activity() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              programme uuid;
            BEGIN
              -- The records' ids are lowercase uuids; anything else matches none of them.
              IF NEW.actor_user_id IS NULL
                 OR NEW.entity_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                RETURN NULL;
              END IF;
              CASE NEW.entity_type
                WHEN 'task' THEN
                  SELECT t.programme_id INTO programme FROM tasks t WHERE t.id = NEW.entity_id::uuid;
                WHEN 'task_comment' THEN
                  SELECT t.programme_id INTO programme
                    FROM task_comments c JOIN tasks t ON t.id = c.task_id WHERE c.id = NEW.entity_id::uuid;
                WHEN 'indicator_value' THEN
                  SELECT i.programme_id INTO programme
                    FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
                   WHERE v.id = NEW.entity_id::uuid;
                WHEN 'programme_partner' THEN
                  SELECT pp.programme_id INTO programme FROM programme_partners pp WHERE pp.id = NEW.entity_id::uuid;
                ELSE
                  RETURN NULL;
              END CASE;
              IF programme IS NULL THEN
                RETURN NULL;
              END IF;
              INSERT INTO programme_activity (programme_id, user_id, last_activity_at)
              VALUES (programme, NEW.actor_user_id, NEW.occurred_at)
              ON CONFLICT (programme_id, user_id) DO UPDATE
                SET last_activity_at = GREATEST(programme_activity.last_activity_at, EXCLUDED.last_activity_at);
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER trg_audit_events_programme_activity AFTER INSERT ON "audit_events"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tandem_programme_activity()
        `);
    // Backfill from the trail as it stands (the trigger above already holds audit_events, so no
    // row committed meanwhile is missed).
    await queryRunner.query(`
            INSERT INTO programme_activity (programme_id, user_id, last_activity_at)
            SELECT r.programme_id, ae.actor_user_id, max(ae.occurred_at)
              FROM (
                SELECT 'task' AS entity_type, t.id::text AS entity_id, t.programme_id FROM tasks t
                UNION ALL
                SELECT 'task_comment', c.id::text, t.programme_id FROM task_comments c JOIN tasks t ON t.id = c.task_id
                UNION ALL
                SELECT 'indicator_value', v.id::text, i.programme_id
                  FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
                UNION ALL
                SELECT 'programme_partner', pp.id::text, pp.programme_id FROM programme_partners pp
              ) r
              JOIN audit_events ae ON ae.entity_type = r.entity_type AND ae.entity_id = r.entity_id
             WHERE ae.actor_user_id IS NOT NULL
             GROUP BY r.programme_id, ae.actor_user_id
            ON CONFLICT (programme_id, user_id) DO UPDATE
              SET last_activity_at = GREATEST(programme_activity.last_activity_at, EXCLUDED.last_activity_at)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS trg_audit_events_programme_activity ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS tandem_programme_activity()`);
    await queryRunner.query(`DROP TABLE "programme_activity"`);
  }
}
