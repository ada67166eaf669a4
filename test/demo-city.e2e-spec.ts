import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, loginAdmin, Session } from './support/fixtures';
import { DemoLogin, homeOf, seedDemoCity } from './support/demo-city';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

type Row = Record<string, unknown> & { id: string };

/**
 * The living demo city as `npm run local` seeds it on a fresh database: every demo login finds work on
 * its home page, the city holds programmes, consultations and placements in every state, and a second
 * run changes nothing.
 */
describe('living demo city', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let logins: DemoLogin[];
  let admin: Session;
  const get = async (who: Session, url: string, query: Record<string, unknown> = {}) =>
    (await stack.http().get(url).query(query).set(bearer(who)).expect(200)).body;
  const list = async (who: Session, url: string, query: Record<string, unknown> = {}) =>
    (await get(who, url, { limit: 100, ...query })).items as Row[];

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    const first = await seedDemoCity(stack);
    expect(first.seeded).toBe(true);
    logins = first.logins;
    admin = await loginAdmin(stack);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('gives every demo login work on its home page', async () => {
    // What each must find (other seeds may add more, never less).
    const work = ['tasks', 'overdue', 'programmes'];
    const expected: Record<string, string[]> = {
      'manager@welcomecentre.example': [...work, 'toAnswer'],
      'officer@riverton.example': [...work, 'toAnswer'],
      'hr@harbourfoods.example': [...work, 'toAnswer', 'dueCheckIns'],
      'staff@legalaid.example': [...work, 'toAnswer'],
      'amira@syrian-riverton.example': [...work, 'toAnswer'],
      'coordinator@kuopio.example': work,
    };
    expect(logins.map((l) => l.email)).toEqual(expect.arrayContaining(Object.keys(expected)));
    const found: Record<string, string[]> = {};
    for (const [email, wanted] of Object.entries(expected)) {
      const home = await homeOf(stack, email, logins[0].password);
      const has: Record<string, boolean> = {
        tasks: home.tasks.length > 0,
        overdue: home.tasks.some((t) => t.overdue),
        programmes: home.programmes.length > 0,
        toAnswer: home.toAnswer.length > 0,
        dueCheckIns: home.dueCheckIns.length > 0,
      };
      found[email] = wanted.filter((w) => has[w]);
    }
    expect(found).toEqual(expected);
  });

  it("reminds its overdue tasks' assignees through the task reminder sweep", async () => {
    const OPEN = `t.state IN ('todo', 'in_progress', 'blocked') AND p.status NOT IN ('archived', 'cancelled')`;
    const late = await stack.query<{ id: string }>(
      `SELECT t.id FROM tasks t JOIN programmes p ON p.id = t.programme_id
        WHERE ${OPEN} AND t.due_date < (now() AT TIME ZONE 'UTC')::date`,
    );
    expect(late.length).toBeGreaterThanOrEqual(3);
    const ids = late.map((t) => t.id);
    // The sweep (every second here) stamps each one and its overdue reminder reaches the assignees.
    const until = Date.now() + 30_000;
    const reminded = async () =>
      (
        await stack.query<{ n: number }>(
          `SELECT count(DISTINCT subject_id)::int AS n FROM notifications WHERE type = 'task.overdue' AND subject_id = ANY($1::uuid[])`,
          [ids],
        )
      )[0].n;
    while ((await reminded()) < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await reminded()).toBeGreaterThanOrEqual(3);
    // Tasks due later wait with their reminders pending, as dates on their rows.
    const [{ pending }] = await stack.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM tasks t JOIN programmes p ON p.id = t.programme_id
        WHERE ${OPEN} AND t.due_soon_at > now() AND t.due_soon_sent_at IS NULL`,
    );
    expect(pending).toBeGreaterThan(0);
  });

  it('holds programmes in every state with partners of all four kinds, milestones, tasks and indicators', async () => {
    const programmes = await list(admin, '/programmes');
    expect(new Set(programmes.map((p) => p.status))).toEqual(
      new Set(['draft', 'active', 'suspended', 'completed', 'archived', 'cancelled']),
    );
    const network = programmes.find((p) => p.title === 'Riverton Welcome Network')!;
    const manager = await homeOf(stack, 'manager@welcomecentre.example', logins[0].password);
    const partners = (await get(manager.session, `/programmes/${network.id}/partners`)) as Row[];
    const orgs = await list(admin, '/organizations');
    const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));
    expect(new Set(partners.map((p) => kindOf.get(p.organizationId as string)))).toEqual(
      new Set(['government', 'employer', 'civil_society', 'migrant_association']),
    );
    expect(partners.some((p) => p.status === 'invited')).toBe(true);
    expect((await get(manager.session, `/programmes/${network.id}/milestones`)).length).toBe(3);

    const tasks = await list(manager.session, `/programmes/${network.id}/tasks`);
    const states = new Set(tasks.map((t) => t.state));
    expect(states).toEqual(new Set(['todo', 'in_progress', 'blocked', 'done']));
    expect(tasks.find((t) => t.state === 'blocked')!.blockedReason).toMatch(/interpreter budget/);
    expect(tasks.filter((t) => t.overdue).length).toBeGreaterThanOrEqual(3);
    expect(tasks.some((t) => (t.blockedBy as string[]).length > 0)).toBe(true);

    const indicators = await list(manager.session, `/programmes/${network.id}/indicators`);
    const gaps = indicators.filter((i) => i.kind === 'gap');
    expect(gaps.length).toBe(2);
    for (const i of indicators) {
      const values = await list(manager.session, `/indicators/${i.id}/values`);
      expect(values.map((v) => String(v.periodStart).slice(0, 4))).toEqual(
        [3, 2, 1].map((n) => String(new Date().getUTCFullYear() - n)),
      );
    }
  });

  it('holds consultations in draft, open, closed and published states in three languages, with answers shown', async () => {
    const officer = await homeOf(stack, 'officer@riverton.example', logins[0].password);
    // The demo city's own consultations: every one in English, French and Arabic.
    const consultations = (await list(officer.session, '/consultations')).filter(
      (c) => [...(c.languages as string[])].sort().join() === 'ar,en,fr',
    );
    const titled = (en: string) => consultations.find((c) => (c.title as Record<string, string>).en === en)!;
    const byStatus = new Map(consultations.map((c) => [c.status, c]));
    expect([...byStatus.keys()]).toEqual(
      expect.arrayContaining(['closed', 'draft', 'open', 'outcome_published']),
    );
    // Dates as planned: the open one opened days ago and closes weeks ahead, the closed one is past.
    const now = Date.now();
    const open = titled('Welcome plan: what should Riverton do first?');
    expect(Date.parse(open.opensAt as string)).toBeLessThan(now);
    expect(Date.parse(open.closesAt as string)).toBeGreaterThan(now);
    const closed = titled('Language courses: what works for you?');
    expect(closed.status).toBe('closed');
    expect(Date.parse(closed.closesAt as string)).toBeLessThan(now);
    expect(closed.anonymous).toBe(true);
    const results = await get(officer.session, `/consultations/${closed.id}/results`);
    expect(results).toMatchObject({ sealed: false, responseCount: 11 });
    // Every answer cell has at least three organisations: nothing is suppressed.
    const counts = (results.questions as { options?: { count: unknown }[] }[]).flatMap((q) =>
      (q.options ?? []).map((o) => o.count),
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).not.toContain('suppressed');
    const meetings = await get(officer.session, `/consultations/${closed.id}/meetings`);
    expect(meetings.length).toBe(1);

    const published = titled('Safer streets at night');
    expect(published.status).toBe('outcome_published');
    expect((published.outcome as { summary: Record<string, string> }).summary.ar).toBeTruthy();
    // The respondent sees the answer her organisation sent.
    const amira = await homeOf(stack, 'amira@syrian-riverton.example', logins[0].password);
    const mine = await get(amira.session, `/consultations/${published.id}/responses/mine`);
    expect(mine.answers.length).toBe(2);
  });

  it('holds placements with check-ins answered, due and ahead, and a report schedule', async () => {
    const hr = await homeOf(stack, 'hr@harbourfoods.example', logins[0].password);
    const placements = await list(hr.session, '/placements');
    expect(placements.length).toBeGreaterThanOrEqual(8);
    expect(placements.some((p) => p.status === 'ended')).toBe(true);
    for (const status of ['answered', 'due', 'scheduled'])
      expect((await list(hr.session, '/check-ins', { status })).length).toBeGreaterThan(0);
    // Pseudonymous: a reference code, never a name or a contact.
    expect(JSON.stringify(placements)).not.toMatch(/@/);

    const manager = await homeOf(stack, 'manager@welcomecentre.example', logins[0].password);
    const schedules = await list(manager.session, '/report-schedules');
    expect(schedules.map((s) => s.name)).toContain('Riverton Welcome Network: monthly progress');
  });

  it('changes nothing when run again', async () => {
    const before = (await list(admin, '/programmes')).length;
    const consultations = (await list(admin, '/consultations')).length;
    const again = await seedDemoCity(stack);
    expect(again.seeded).toBe(false);
    // The same logins are printed on every start, not only the first.
    expect(again.logins).toEqual(logins);
    expect((await list(admin, '/programmes')).length).toBe(before);
    expect((await list(admin, '/consultations')).length).toBe(consultations);
  });
});
