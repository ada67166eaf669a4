import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { DashboardRepository } from './dashboard.repository';

/**
 * The partners' last activity comes from programme_activity, which a deferred trigger on
 * audit_events keeps (migration 1796700000000-ProgrammeActivity): these pin that it says what the
 * former per-request join of the programme's records to the audit trail said.
 */
describe(`${DashboardRepository.name} last activity (PostgreSQL)`, () => {
  let ds: DataSource;
  let rows: Rows;
  const sut = new DashboardRepository();
  let lead: string;
  let ngo: string;
  let other: string;
  let programme: string;
  let elsewhere: string;
  let worker: string;

  const audit = (entityType: string, entityId: string, actor: string | null, at: string) =>
    ds.query(
      `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, occurred_at)
       VALUES ($1, 'update', $2, $3, $4)`,
      [actor, entityType, entityId, at],
    );
  const member = (userId: string, organizationId: string) =>
    ds.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'member')`, [
      userId,
      organizationId,
    ]);
  const lastActivity = async (programmeId: string) =>
    Object.fromEntries(
      (await sut.partners(ds.manager, programmeId)).map((p) => [
        p.organizationId,
        p.lastActivityAt?.toISOString() ?? null,
      ]),
    );

  beforeAll(async () => {
    ds = await openTestDataSource();
    rows = new Rows(ds.manager);
    lead = await rows.organization('City', 'government');
    ngo = await rows.organization('NGO');
    other = await rows.organization('Other');
    programme = await rows.programme('Welcome', lead);
    elsewhere = await rows.programme('Elsewhere', lead);
    await rows.partner(programme, ngo);
    await rows.partner(programme, other);
    await rows.partner(elsewhere, ngo);
    worker = await rows.user('Worker');
    await member(worker, ngo);
  });

  afterAll(() => ds?.destroy());

  it("takes the latest audited change of a partner's members to the programme's records", async () => {
    const task = await rows.task(programme, ngo, 'Book the hall');
    await audit('task', task, worker, '2027-03-01T10:00:00.000Z');
    await audit('task', task, worker, '2027-03-02T10:00:00.000Z');
    // An older row written later does not move it back; rows without a person count for nobody.
    await audit('task', task, worker, '2027-02-01T10:00:00.000Z');
    await audit('task', task, null, '2027-04-01T10:00:00.000Z');
    // Another programme's record is not this programme's activity.
    const foreign = await rows.task(elsewhere, ngo, 'Elsewhere');
    await audit('task', foreign, worker, '2027-05-01T10:00:00.000Z');
    expect(await lastActivity(programme)).toEqual({
      [lead]: null,
      [ngo]: '2027-03-02T10:00:00.000Z',
      [other]: null,
    });
    expect((await lastActivity(elsewhere))[ngo]).toBe('2027-05-01T10:00:00.000Z');
  });

  it('counts an audit row written before its record in the same transaction (the trigger runs at commit)', async () => {
    const comment = randomUUID();
    const task = await rows.task(programme, ngo, 'Print the leaflets');
    await ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, occurred_at)
         VALUES ($1, 'create', 'task_comment', $2, '2027-03-05T09:00:00.000Z')`,
        [worker, comment],
      );
      await em.query(
        `INSERT INTO task_comments (id, task_id, author_user_id, body) VALUES ($1, $2, $3, 'Done')`,
        [comment, task, worker],
      );
    });
    expect((await lastActivity(programme))[ngo]).toBe('2027-03-05T09:00:00.000Z');
  });

  it('reads membership as it is now: a person who joins another partner brings their activity along', async () => {
    await member(worker, other);
    expect((await lastActivity(programme))[other]).toBe('2027-03-05T09:00:00.000Z');
    await ds.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2`, [worker, other]);
    expect((await lastActivity(programme))[other]).toBeNull();
  });
});
