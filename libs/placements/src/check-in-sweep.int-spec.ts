import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { CheckInsRepository } from './check-ins.repository';
import { PlacementAccessService } from './placement-access.service';
import { PlacementsRepository } from './placements.repository';

describe(`${CheckInsRepository.name} sweep batches and ${PlacementsRepository.name}.insertImported (PostgreSQL)`, () => {
  let ds: DataSource;
  let checkIns: CheckInsRepository;
  let placements: PlacementsRepository;
  let employer: string;
  let other: string;
  let importId: string;
  let userId: string;

  const participant = async (organizationId: string) => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO participants (id, reference_code, registered_by_organization_id, country_of_origin)
       VALUES ($1, $2, $3, 'SY')`,
      [id, id.slice(0, 12), organizationId],
    );
    return id;
  };

  const importRows = async (organizationId: string, startDates: string[]) => {
    await ds.transaction(async (em) =>
      placements.insertImported(
        em,
        { employerOrganizationId: organizationId, importId, createdByUserId: userId },
        await Promise.all(
          startDates.map(async (startDate) => ({
            participantId: await participant(organizationId),
            programmeId: null,
            jobTitle: 'Baker',
            occupationCode: '7512',
            sector: 'C',
            startDate,
            contractType: 'permanent',
            hoursPerWeek: 37.5,
          })),
        ),
      ),
    );
  };

  beforeAll(async () => {
    ds = await openTestDataSource();
    const access = new PlacementAccessService();
    checkIns = new CheckInsRepository(ds, access);
    placements = new PlacementsRepository(ds, access);
    const rows = new Rows(ds.manager);
    employer = await rows.organization('Bakery', 'employer');
    other = await rows.organization('Builder', 'employer');
    importId = randomUUID();
    const [user] = await ds.query(
      `INSERT INTO users (email, name, password_hash) VALUES ('hr@bakery.test', 'HR', 'x') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO placement_imports (id, employer_organization_id, created_by_user_id, mode, file_name, content_sha256)
       VALUES ($1, $2, $3, 'all_or_nothing', 'p.csv', repeat('a', 64))`,
      [importId, employer, user.id],
    );
    userId = user.id;
  });

  afterAll(() => ds?.destroy());

  it('inserts each placement with its 3/6/12-month check-ins, dates clamped to the month end like addMonths', async () => {
    await importRows(employer, ['2025-11-30', '2025-01-06']);
    const rows: { start_date: string; months: number; due_on: string; status: string }[] = await ds.query(
      `SELECT to_char(pl.start_date, 'YYYY-MM-DD') AS start_date, rc.months, to_char(rc.due_on, 'YYYY-MM-DD') AS due_on, rc.status
         FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
        WHERE pl.import_id = $1 ORDER BY pl.start_date, rc.months`,
      [importId],
    );
    expect(rows).toEqual([
      { start_date: '2025-01-06', months: 3, due_on: '2025-04-06', status: 'scheduled' },
      { start_date: '2025-01-06', months: 6, due_on: '2025-07-06', status: 'scheduled' },
      { start_date: '2025-01-06', months: 12, due_on: '2026-01-06', status: 'scheduled' },
      { start_date: '2025-11-30', months: 3, due_on: '2026-02-28', status: 'scheduled' },
      { start_date: '2025-11-30', months: 6, due_on: '2026-05-30', status: 'scheduled' },
      { start_date: '2025-11-30', months: 12, due_on: '2026-11-30', status: 'scheduled' },
    ]);
  });

  it('opens due check-ins in batches, counts per employer, never twice, and leaves later dates alone', async () => {
    await importRows(other, ['2025-12-01']);
    // On 2026-06-01 the bakery has 5 check-ins due (all but the 2026-11-30 one), the builder 2 (06-01 included).
    const today = '2026-06-01';
    const seen: Record<string, number> = {};
    let rounds = 0;
    for (;;) {
      const batch = await ds.transaction((em) => checkIns.openDueBatch(em, today, 2));
      rounds++;
      for (const o of batch) seen[o.organization_id] = (seen[o.organization_id] ?? 0) + o.count;
      if (batch.reduce((n, o) => n + o.count, 0) < 2) break;
    }
    expect(seen).toEqual({ [employer]: 5, [other]: 2 });
    expect(rounds).toBe(4);
    // Nothing left to open today; the 12-month ones stay scheduled.
    expect(await ds.transaction((em) => checkIns.openDueBatch(em, today, 100))).toEqual([]);
    expect(await ds.transaction((em) => checkIns.stillDue(em, [employer, other], today))).toEqual([]);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM retention_checks WHERE status = 'scheduled'`,
    );
    expect(n).toBe(2);
  });

  it('two sweeps at once take disjoint rows (SKIP LOCKED) and the backlog is counted for the summary', async () => {
    await ds.query(`UPDATE retention_checks SET status = 'scheduled', opened_at = NULL`);
    const today = '2026-06-01';
    const qr = ds.createQueryRunner();
    await qr.startTransaction();
    try {
      const first = await checkIns.openDueBatch(qr.manager, today, 3);
      // While the first batch is uncommitted, a second sweep skips its rows instead of waiting.
      const second = await ds.transaction(async (em) => {
        const mine = await checkIns.openDueBatch(em, today, 100);
        const rest = await checkIns.stillDue(em, [employer, other], today);
        return { mine, rest };
      });
      const total = (xs: { count: number }[]) => xs.reduce((n, o) => n + o.count, 0);
      expect(total(first)).toBe(3);
      expect(total(second.mine)).toBe(4);
      // The first batch's rows are still scheduled as far as the second sees (not committed).
      expect(total(second.rest)).toBe(3);
      await qr.commitTransaction();
    } finally {
      await qr.release();
    }
  });

  it('reminds each opened, unanswered check-in once, after the delay', async () => {
    await ds.query(
      `UPDATE retention_checks SET opened_at = now() - interval '10 seconds' WHERE status = 'due'`,
    );
    expect(await ds.transaction((em) => checkIns.remindBatch(em, 60, 100))).toEqual([]);
    const reminded = await ds.transaction((em) => checkIns.remindBatch(em, 5, 100));
    expect(reminded.reduce((n, o) => n + o.count, 0)).toBe(7);
    expect(await ds.transaction((em) => checkIns.remindBatch(em, 5, 100))).toEqual([]);
    expect(await ds.transaction((em) => checkIns.stillToRemind(em, [employer, other], 5))).toEqual([]);
  });
  it('reschedule: a moved check-in starts over and is opened and reminded once for its new date; answered and unmoved ones keep theirs', async () => {
    await importRows(other, ['2025-03-10']);
    const [{ id }] = await ds.query(
      `SELECT id FROM placements WHERE employer_organization_id = $1 AND start_date = '2025-03-10'`,
      [other],
    );
    const read = async () =>
      Object.fromEntries(
        (
          await ds.query(
            `SELECT months, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, opened_at, reminded_at
               FROM retention_checks WHERE placement_id = $1`,
            [id],
          )
        ).map((r: { months: number }) => [r.months, r]),
      );
    // 3 months answered; 6 months opened and reminded; 12 months opened, not reminded yet.
    await ds.query(
      `UPDATE retention_checks SET status = CASE months WHEN 3 THEN 'answered' ELSE 'due' END,
              opened_at = now() - interval '1 day', reminded_at = CASE months WHEN 6 THEN now() END
        WHERE placement_id = $1`,
      [id],
    );
    const before = await read();
    const move = (dueOns: [number, string][], endDate: string | null = null) =>
      ds.transaction((em) =>
        checkIns.reschedule(
          em,
          id,
          dueOns.map(([months, dueOn]) => ({ months, dueOn })),
          endDate,
        ),
      );
    // The 12-month date does not change (as when a month end clamps): it keeps its stamps.
    await move([
      [3, '2025-06-20'],
      [6, '2025-09-20'],
      [12, '2026-03-10'],
    ]);
    const after = await read();
    expect(after[3]).toEqual(before[3]);
    expect(after[6]).toMatchObject({
      due_on: '2025-09-20',
      status: 'scheduled',
      opened_at: null,
      reminded_at: null,
    });
    expect(after[12]).toEqual(before[12]);

    // The sweep opens the moved one (its new date has passed) and reminds it once.
    const opened = await ds.transaction((em) => checkIns.openDueBatch(em, '2026-06-01', 100));
    expect(opened).toEqual([{ organization_id: other, count: 1 }]);
    await ds.query(
      `UPDATE retention_checks SET opened_at = now() - interval '10 seconds' WHERE placement_id = $1 AND months = 6`,
      [id],
    );
    const reminded = await ds.transaction((em) => checkIns.remindBatch(em, 5, 100));
    // The 6-month one for its new date, and the 12-month one's first reminder (it had none).
    expect(reminded).toEqual([{ organization_id: other, count: 2 }]);
    expect(await ds.transaction((em) => checkIns.remindBatch(em, 5, 100))).toEqual([]);

    // On an ended placement, a date moved past the end is cancelled; moved back on or before it, scheduled again.
    await move([[6, '2025-09-25']], '2025-09-21');
    expect((await read())[6]).toMatchObject({ due_on: '2025-09-25', status: 'cancelled', reminded_at: null });
    await move([[6, '2025-09-21']], '2025-09-21');
    expect((await read())[6]).toMatchObject({ due_on: '2025-09-21', status: 'scheduled' });
    expect((await read())[3]).toEqual(before[3]);
  });
});
