import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { TaskReminderDates1797100000000 } from './migrations/1797100000000-TaskReminderDates';

/** The upgrade to task reminder dates: what the migration's backfill leaves pending, and what it counts as sent. */
describe(`${TaskReminderDates1797100000000.name} backfill (PostgreSQL)`, () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource();
  });

  afterAll(() => ds?.destroy());

  it('arms the reminders still to come and marks as sent those whose time has passed, for open dated tasks only', async () => {
    const migration = new TaskReminderDates1797100000000();
    const runner = ds.createQueryRunner();
    try {
      // Back to the schema before the migration, with tasks written then.
      await migration.down(runner);
      const rows = new Rows(ds.manager);
      const org = await rows.organization('Legal Aid');
      const programme = await rows.programme('Jobs Bridge', org);
      const task = async (title: string, dueInDays: number | null, state = 'todo') => {
        const id = await rows.task(programme, org, title);
        await ds.query(
          `UPDATE tasks SET state = $2,
             due_date = CASE WHEN $3::int IS NULL THEN NULL ELSE (now() AT TIME ZONE 'UTC')::date + $3::int END
           WHERE id = $1`,
          [id, state, dueInDays],
        );
        return id;
      };
      const late = await task('Late', -3);
      const today = await task('Due today', 0); // its end is less than 24 h away: due soon already sent
      const later = await task('Later', 10);
      const done = await task('Done', 10, 'done');
      const undated = await task('Undated', null);
      await migration.up(runner);

      const read = async (id: string) =>
        (
          await ds.query(
            `SELECT due_soon_at IS NOT NULL AS due_soon, due_soon_sent_at IS NOT NULL AS due_soon_sent,
                    overdue_at IS NOT NULL AS overdue, overdue_sent_at IS NOT NULL AS overdue_sent,
                    overdue_at = (due_date + 1)::timestamp AT TIME ZONE 'UTC' AS overdue_at_end,
                    due_soon_at = (due_date + 1)::timestamp AT TIME ZONE 'UTC' - interval '24 hours' AS due_soon_day_before
               FROM tasks WHERE id = $1`,
            [id],
          )
        )[0];
      expect(await read(late)).toMatchObject({ due_soon: false, overdue: true, overdue_sent: true });
      expect(await read(today)).toMatchObject({
        due_soon: true,
        due_soon_sent: true,
        overdue: true,
        overdue_sent: false,
        overdue_at_end: true,
      });
      expect(await read(later)).toMatchObject({
        due_soon: true,
        due_soon_sent: false,
        overdue: true,
        overdue_sent: false,
        due_soon_day_before: true,
      });
      for (const id of [done, undated])
        expect(await read(id)).toMatchObject({ due_soon: false, overdue: false, due_soon_sent: false });
    } finally {
      await runner.release();
    }
  });
});
