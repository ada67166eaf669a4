import { Actor, MembershipRole, PlatformRole } from '@tandem/core';
import { DataSource } from 'typeorm';
import { openTestDataSource, Rows } from '../../../test/support/integration';
import { ProgrammeAccessService, ProgrammesRepository } from '@tandem/programmes';
import { TasksRepository } from './tasks.repository';

describe(`${TasksRepository.name} (PostgreSQL)`, () => {
  let ds: DataSource;
  let sut: TasksRepository;
  let a: string, b: string, c: string, d: string;

  beforeAll(async () => {
    ds = await openTestDataSource();
    const programmes = new ProgrammesRepository(ds);
    // Only the dependency graph is under test: the other libraries' readers are not reached.
    const unused = {} as never;
    sut = new TasksRepository(ds, new ProgrammeAccessService(programmes), programmes, unused, unused, unused);
    const rows = new Rows(ds.manager);
    const lead = await rows.organization('Lead');
    const programme = await rows.programme('Welcome', lead);
    [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map((t) => rows.task(programme, lead, t)));
    // c waits for b, b waits for a: a ← b ← c; d stands alone.
    await sut.replaceDependencies(ds.manager, b, [a]);
    await sut.replaceDependencies(ds.manager, c, [b]);
  });

  afterAll(() => ds?.destroy());

  it.each([
    ['a waits for c (closes a ← b ← c ← a)', () => [a, [c]], true],
    ['a waits for b (direct back edge)', () => [a, [b]], true],
    ['a waits for itself', () => [a, [a]], true],
    ['c waits for a (already implied, no loop)', () => [c, [a]], false],
    ['d waits for c and a', () => [d, [c, a]], false],
    ['nothing to wait for', () => [a, []], false],
  ] as const)('%s → cycle %s', async (_, args, expected) => {
    const [taskId, dependsOn] = args() as [string, string[]];
    expect(await sut.wouldCycle(ds.manager, taskId, dependsOn)).toBe(expected);
  });

  it('reads the stored edges back per task', async () => {
    const deps = await sut.dependenciesOf(ds.manager, [a, b, c]);
    expect(Object.fromEntries(deps)).toEqual({ [a]: [], [b]: [a], [c]: [b] });
  });

  describe('listForActor (GET /me/tasks): per-assignee index walks', () => {
    let me: Actor;
    const today = '2026-06-15';

    beforeAll(async () => {
      const rows = new Rows(ds.manager);
      const [mine1, mine2, other, lead] = await Promise.all(
        ['Mine 1', 'Mine 2', 'Other', 'Lead 2'].map((n) => rows.organization(n)),
      );
      const userId = await rows.user('Me');
      me = {
        userId,
        email: 'me@example.test',
        platformRole: PlatformRole.User,
        sessionId: null,
        memberships: [
          { organizationId: mine1, role: MembershipRole.Member },
          { organizationId: mine2, role: MembershipRole.OrgAdmin },
        ],
      };
      const visible = await rows.programme('Visible', lead);
      await rows.partner(visible, mine1);
      await rows.partner(visible, mine2);
      await rows.partner(visible, other);
      const hidden = await rows.programme('Hidden', lead); // none of my organisations is a partner
      const orgs = [mine1, mine2, other];
      const priorities = ['low', 'normal', 'high', 'urgent'];
      const states = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'];
      for (let i = 0; i < 90; i++) {
        const programme = i % 9 === 0 ? hidden : visible;
        const id = await rows.task(programme, orgs[i % 3], `T${i}`);
        // Same dates and priorities on purpose: ties broken by id. Some undated; some mine in person.
        await ds.query(
          `UPDATE tasks SET priority = $2, state = $3, due_date = $4, assignee_user_id = $5 WHERE id = $1`,
          [
            id,
            priorities[i % 4],
            states[i % 5 === 4 ? 3 : i % 3],
            i % 7 === 0 ? null : `2026-06-${String(10 + (i % 11)).padStart(2, '0')}`,
            i % 4 === 0 ? userId : null,
          ],
        );
      }
    });

    /** The list as main computed it: one query, one sort of everything. */
    const reference = async (overdue?: boolean): Promise<string[]> => {
      const orgIds = me.memberships.map((m) => m.organizationId);
      const rows: { id: string }[] = await ds.query(
        `SELECT t.id FROM tasks t JOIN programmes p ON p.id = t.programme_id
          WHERE t.state IN ('todo', 'in_progress', 'blocked')
            AND (t.assignee_user_id = $1 OR t.assignee_organization_id = ANY($2::uuid[]))
            AND EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id
                          AND pp.organization_id = ANY($2::uuid[]) AND pp.status IN ('active', 'invited'))
            AND ($3::boolean IS NULL OR ($3 = (t.due_date IS NOT NULL AND t.due_date < $4::date)))
          ORDER BY COALESCE(t.due_date, 'infinity'::date),
                   CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.id`,
        [me.userId, orgIds, overdue ?? null, today],
      );
      return rows.map((r) => r.id);
    };

    const pages = async (overdue?: boolean, limit = 7): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await sut.listForActor(me, { limit, cursor, overdue }, today);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map(({ task }) => task.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };

    it.each([[undefined], [true], [false]])(
      'pages through exactly the single-sort order (overdue %s), each task once',
      async (overdue) => {
        const expected = await reference(overdue);
        expect(expected.length).toBeGreaterThan(overdue === true ? 3 : 10);
        const got = await pages(overdue);
        expect(got).toEqual(expected);
        expect(new Set(got).size).toBe(got.length);
      },
    );

    it('a page of 1 and a page of 100 agree with it too', async () => {
      const expected = await reference();
      expect(await pages(undefined, 1)).toEqual(expected);
      expect(await pages(undefined, 100)).toEqual(expected);
    });
  });
});
