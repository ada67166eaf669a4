import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { TimerSweeps1797500000000 } from './migrations/1797500000000-TimerSweeps';

/** The upgrade to the timer sweeps: which reminders the backfill counts as sent, which stay pending. */
describe(`${TimerSweeps1797500000000.name} backfill (PostgreSQL)`, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource();
  });

  afterAll(() => ds?.destroy());

  it('marks as sent the reminders whose time has passed (default lead times) and leaves the rest pending', async () => {
    const migration = new TimerSweeps1797500000000();
    const runner = ds.createQueryRunner();
    try {
      // Back to the schema before the migration, with rows written then.
      await migration.down(runner);
      const rows = new Rows(ds.manager);
      const city = await rows.organization('City of Riverton', 'government');
      const partnerOrg = await rows.organization('Legal Aid');
      const programme = await rows.programme('Jobs Bridge', city);
      await rows.partner(programme, partnerOrg);
      const consultation = async (status: string, closesInHours: number) => {
        const id = randomUUID();
        await ds.query(
          `INSERT INTO consultations (id, organization_id, title, languages, opens_at, closes_at, status)
           VALUES ($1, $2, '{"en": "T"}', '{en}', now() - interval '1 day', now() + $3 * interval '1 hour', $4)`,
          [id, city, closesInHours, status],
        );
        return id;
      };
      const meeting = async (consultationId: string, startsInHours: number) => {
        const id = randomUUID();
        await ds.query(
          `INSERT INTO consultation_meetings (id, consultation_id, title, type, starts_at, ends_at, location)
           VALUES ($1, $2, 'M', 'in_person', now() + $3 * interval '1 hour', now() + ($3 + 2) * interval '1 hour', 'Hall')`,
          [id, consultationId, startsInHours],
        );
        return id;
      };
      const closingSoon = await consultation('open', 48); // within 3 days: its reminder went out
      const closingLater = await consultation('open', 100);
      const scheduled = await consultation('scheduled', 48); // not open yet: reminded once it opens
      const meetingSoon = await meeting(closingLater, 20);
      const meetingPast = await meeting(closingLater, -5);
      const meetingLater = await meeting(closingLater, 30);
      const expiry = async (organizationId: string, inDays: number) => {
        await ds.query(
          `UPDATE programme_partners SET agreement_expires_on = (now() AT TIME ZONE 'UTC')::date + $3::int
            WHERE programme_id = $1 AND organization_id = $2`,
          [programme, organizationId, inDays],
        );
      };
      await expiry(city, 10);
      await expiry(partnerOrg, 40);
      await migration.up(runner);

      const sentFor = async (sql: string, id: string) => (await ds.query(sql, [id]))[0].sent as boolean;
      const consultationSent = (id: string) =>
        sentFor(`SELECT closing_reminder_for = closes_at AS sent FROM consultations WHERE id = $1`, id);
      const meetingSent = (id: string) =>
        sentFor(`SELECT reminder_for = starts_at AS sent FROM consultation_meetings WHERE id = $1`, id);
      expect(await consultationSent(closingSoon)).toBe(true);
      expect(await consultationSent(closingLater)).toBeNull();
      expect(await consultationSent(scheduled)).toBeNull();
      expect(await meetingSent(meetingSoon)).toBe(true);
      expect(await meetingSent(meetingPast)).toBe(true);
      expect(await meetingSent(meetingLater)).toBeNull();
      const partners = await ds.query(
        `SELECT organization_id, agreement_reminder_for IS NOT DISTINCT FROM agreement_expires_on AS sent
           FROM programme_partners WHERE programme_id = $1 ORDER BY organization_id = $2 DESC`,
        [programme, city],
      );
      expect(partners).toEqual([
        { organization_id: city, sent: true },
        { organization_id: partnerOrg, sent: false },
      ]);
    } finally {
      await runner.release();
    }
  });
});
