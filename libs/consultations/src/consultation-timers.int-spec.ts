import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { ConsultationTimersRepository } from './consultation-timers.repository';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe(`${ConsultationTimersRepository.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  let organization: string;
  const repository = new ConsultationTimersRepository();

  const consultation = async (status: string, opensAt: Date, closesAt: Date): Promise<string> => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO consultations (id, organization_id, title, languages, opens_at, closes_at, status)
       VALUES ($1, $2, '{"en": "Night transport"}', '{en}', $3, $4, $5)`,
      [id, organization, opensAt, closesAt, status],
    );
    return id;
  };
  const meeting = async (consultationId: string, startsAt: Date, status = 'scheduled'): Promise<string> => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO consultation_meetings (id, consultation_id, title, type, starts_at, ends_at, location, status)
       VALUES ($1, $2, 'Evening', 'in_person', $3, $3::timestamptz + interval '2 hours', 'Library', $4)`,
      [id, consultationId, startsAt, status],
    );
    return id;
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  beforeAll(async () => {
    ds = await openTestDataSource();
    organization = await new Rows(ds.manager).organization('City of Riverton', 'government');
  });

  beforeEach(async () => {
    // Each test starts with nothing pending left by another.
    await ds.query(`UPDATE consultations SET status = 'cancelled'`);
  });

  afterAll(() => ds?.destroy());

  it('locks the scheduled consultations whose opening date has come and the open ones whose closing date has, oldest first', async () => {
    const late = await consultation('scheduled', at(-2 * HOUR), at(HOUR));
    const due = await consultation('scheduled', at(-1), at(HOUR));
    await consultation('scheduled', at(1), at(HOUR));
    await consultation('draft', at(-HOUR), at(HOUR));
    const closing = await consultation('open', at(-HOUR), at(0));
    await consultation('open', at(-HOUR), at(1));
    const opening = await ds.transaction((em) => repository.lockDue(em, 'opening', NOW, 10));
    expect(opening).toEqual([
      { id: late, at: at(-2 * HOUR) },
      { id: due, at: at(-1) },
    ]);
    expect(await ds.transaction((em) => repository.lockDue(em, 'closing', NOW, 10))).toEqual([
      { id: closing, at: at(0) },
    ]);
  });

  it('claims a closing reminder once per closing date: a moved date is pending again by itself', async () => {
    const id = await consultation('open', at(-HOUR), at(48 * HOUR));
    await consultation('scheduled', at(HOUR), at(2 * HOUR));
    await consultation('open', at(-HOUR), at(100 * HOUR));
    const dueBy = at(72 * HOUR);
    const first = await ds.transaction((em) => repository.claimReminders(em, 'closing', dueBy, 10));
    expect(first).toEqual([{ id, consultationId: id, at: at(48 * HOUR) }]);
    expect(await ds.transaction((em) => repository.claimReminders(em, 'closing', dueBy, 10))).toEqual([]);
    // An officer extends it: the reminder is pending again, for the new date.
    await ds.query(`UPDATE consultations SET closes_at = $2 WHERE id = $1`, [id, at(60 * HOUR)]);
    expect(await ds.transaction((em) => repository.claimReminders(em, 'closing', dueBy, 10))).toEqual([
      { id, consultationId: id, at: at(60 * HOUR) },
    ]);
    // Closed: it leaves the list whatever its stamp.
    await ds.query(`UPDATE consultations SET status = 'closed', closes_at = $2 WHERE id = $1`, [
      id,
      at(HOUR),
    ]);
    expect(await ds.transaction((em) => repository.claimReminders(em, 'closing', dueBy, 10))).toEqual([]);
  });

  it('claims meeting reminders once per start time, started ones too (off the list), never cancelled ones', async () => {
    const c = await consultation('open', at(-HOUR), at(200 * HOUR));
    const soon = await meeting(c, at(20 * HOUR));
    const started = await meeting(c, at(-HOUR));
    await meeting(c, at(30 * HOUR));
    await meeting(c, at(HOUR), 'cancelled');
    const dueBy = at(24 * HOUR);
    const first = await ds.transaction((em) => repository.claimReminders(em, 'meeting', dueBy, 10));
    expect(first).toEqual([
      { id: started, consultationId: c, at: at(-HOUR) },
      { id: soon, consultationId: c, at: at(20 * HOUR) },
    ]);
    expect(await ds.transaction((em) => repository.claimReminders(em, 'meeting', dueBy, 10))).toEqual([]);
    await ds.query(`UPDATE consultation_meetings SET starts_at = $2 WHERE id = $1`, [soon, at(22 * HOUR)]);
    expect(ids(await ds.transaction((em) => repository.claimReminders(em, 'meeting', dueBy, 10)))).toEqual([
      soon,
    ]);
    const loaded = await ds.transaction((em) => repository.meetings(em, [soon]));
    expect(loaded.get(soon)).toMatchObject({ title: 'Evening', reminderFor: at(22 * HOUR) });
  });

  it('two concurrent sweeps never take one row twice nor wait on each other', async () => {
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) => consultation('open', at(-HOUR), at(HOUR + i))),
    );
    const a = ds.createQueryRunner();
    const b = ds.createQueryRunner();
    await a.startTransaction();
    await b.startTransaction();
    try {
      const first = await repository.claimReminders(a.manager, 'closing', at(72 * HOUR), 20);
      // B runs while A still holds its 20 rows: it skips them rather than waiting.
      const second = await repository.claimReminders(b.manager, 'closing', at(72 * HOUR), 100);
      const locked = await repository.lockDue(b.manager, 'closing', at(2 * HOUR), 100);
      await a.commitTransaction();
      await b.commitTransaction();
      expect(first).toHaveLength(20);
      expect(second).toHaveLength(10);
      expect(new Set([...ids(first), ...ids(second)])).toEqual(new Set(all));
      expect(new Set(ids(locked))).toEqual(new Set(ids(second)));
    } finally {
      await a.release();
      await b.release();
    }
  });
});
