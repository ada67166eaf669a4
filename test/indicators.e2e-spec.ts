import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { auditOf, bearer, expectProblem, onboardUser, PASSWORD, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const Q0 = { periodStart: '2026-10-01', periodEnd: '2026-12-31' };
const Q1 = { periodStart: '2027-01-01', periodEnd: '2027-03-31' };
const Q2 = { periodStart: '2027-04-01', periodEnd: '2027-06-30' };
const Q3 = { periodStart: '2027-07-01', periodEnd: '2027-09-30' };

const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => [
  ...new Set((res.body.errors ?? []).map((e) => e.field)),
];

describe('indicators: definitions, values per period, reporting-period locks, dashboard', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let implementer: Session;
  let observer: Session;
  let outsider: Session;
  /** Member of both the implementer and the provider organisations. */
  let twoHats: Session;
  let plainId: string; // course completions: 0 → 200, increase
  let gapId: string; // employment rate gap: −20 → −5 points
  let weeksId: string; // weeks to first job: 30 → 10, decrease
  let raceId: string; // mentoring hours, for the concurrent lock test
  let emptyId: string; // nothing reported

  const http = () => stack.http();
  const post = (who: Session, path: string, body: object) => http().post(path).set(bearer(who)).send(body);
  const get = (who: Session, path: string) => http().get(path).set(bearer(who));

  const indicator = (extra: Record<string, unknown>) => ({
    name: 'Language course completions',
    dimension: 'linguistic',
    unit: 'people',
    baseline: 0,
    target: 200,
    direction: 'increase',
    ...extra,
  });

  /** Invites an existing user into a second organisation and accepts with the e-mail's link. */
  async function joinSecondOrganization(inviter: Session, organizationId: string, email: string) {
    await post(inviter, `/organizations/${organizationId}/invitations`, { email, role: 'member' }).expect(
      201,
    );
    const until = Date.now() + 30_000;
    // Only invitations: notification e-mails reach this address too.
    const invitations = () => smtp.to(email).filter((m) => m.text.includes('/invitations/'));
    while (invitations().length < 2) {
      if (Date.now() > until) throw new Error(`no second invitation to ${email}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const token = /\/invitations\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(invitations()[1].text)![1];
    await http()
      .post(`/invitations/${token}/accept`)
      .send({ name: 'Two Hats', password: PASSWORD })
      .expect(201);
  }

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    s = await setupProgramme(stack, smtp, 'Indicators Bridge');
    implementer = s.implementer.session;
    observer = s.observer.session;
    outsider = s.outsider.session;
    twoHats = await onboardUser(
      stack,
      smtp,
      implementer,
      s.implementer.organizationId,
      'two.hats@implementer.test',
      'member',
    );
    await joinSecondOrganization(s.provider.session, s.provider.organizationId, 'two.hats@implementer.test');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  describe('definitions', () => {
    it('the manager defines plain and gap indicators; numbers come back as numbers', async () => {
      const plain = await post(s.manager, `/programmes/${s.programmeId}/indicators`, indicator({}))
        .set('Idempotency-Key', 'indicator-plain-1')
        .expect(201);
      expect(plain.headers.etag).toBe('"1"');
      expect(plain.headers.location).toBe(`/indicators/${plain.body.id}`);
      expect(plain.body).toMatchObject({
        programmeId: s.programmeId,
        kind: 'plain',
        baseline: 0,
        target: 200,
        direction: 'increase',
        version: 1,
      });
      plainId = plain.body.id;
      const replay = await post(s.manager, `/programmes/${s.programmeId}/indicators`, indicator({}))
        .set('Idempotency-Key', 'indicator-plain-1')
        .expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(plainId);

      const gap = await post(
        s.manager,
        `/programmes/${s.programmeId}/indicators`,
        indicator({
          name: 'Employment rate gap',
          dimension: 'economic',
          unit: 'percentage points',
          kind: 'gap',
          baseline: -20,
          target: -5,
        }),
      ).expect(201);
      expect(gap.body).toMatchObject({ kind: 'gap', baseline: -20, target: -5 });
      gapId = gap.body.id;
      weeksId = (
        await post(
          s.manager,
          `/programmes/${s.programmeId}/indicators`,
          indicator({
            name: 'Weeks to first job',
            dimension: 'economic',
            unit: 'weeks',
            baseline: 30,
            target: 10,
            direction: 'decrease',
          }),
        ).expect(201)
      ).body.id;
      raceId = (
        await post(
          s.manager,
          `/programmes/${s.programmeId}/indicators`,
          indicator({ name: 'Mentoring hours', dimension: 'social', unit: 'hours', target: 500 }),
        ).expect(201)
      ).body.id;
      emptyId = (
        await post(
          s.manager,
          `/programmes/${s.programmeId}/indicators`,
          indicator({ name: 'Clinic registrations', dimension: 'health', unit: 'people', target: 50.5 }),
        ).expect(201)
      ).body.id;

      const audit = await auditOf(stack, 'indicator', gapId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', actor_user_id: s.manager.userId });
      expect(audit[0].changes).toMatchObject({ kind: { after: 'gap' }, baseline: { after: -20 } });
    });

    it('every reader of the programme lists and reads them; working partners and observers cannot define them', async () => {
      const list = await get(observer, `/programmes/${s.programmeId}/indicators`).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([
        plainId,
        gapId,
        weeksId,
        raceId,
        emptyId,
      ]);
      const gaps = await get(implementer, `/programmes/${s.programmeId}/indicators?kind=gap`).expect(200);
      expect(gaps.body.items.map((i: { id: string }) => i.id)).toEqual([gapId]);
      const page = await get(
        implementer,
        `/programmes/${s.programmeId}/indicators?dimension=economic&limit=1`,
      ).expect(200);
      expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([gapId]);
      const next = await get(
        implementer,
        `/programmes/${s.programmeId}/indicators?dimension=economic&limit=1&cursor=${page.body.nextCursor}`,
      ).expect(200);
      expect(next.body).toEqual({ items: [expect.objectContaining({ id: weeksId })], nextCursor: null });
      const one = await get(s.provider.session, `/indicators/${gapId}`).expect(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body).toMatchObject({ id: gapId, name: 'Employment rate gap', unit: 'percentage points' });
      await get(s.admin, `/indicators/${gapId}`).expect(200);

      for (const who of [implementer, observer]) {
        expectProblem(await post(who, `/programmes/${s.programmeId}/indicators`, indicator({})), 403);
      }
    });

    it('bad definitions are 400s naming the field', async () => {
      const path = `/programmes/${s.programmeId}/indicators`;
      const cases: [Record<string, unknown>, string[]][] = [
        [indicator({ dimension: 'sports' }), ['dimension']],
        [indicator({ baseline: '10' }), ['baseline']],
        [indicator({ target: 10.12345 }), ['target']],
        [indicator({ kind: 'ratio' }), ['kind']],
        [indicator({ direction: 'up' }), ['direction']],
        [indicator({ colour: 'red' }), ['colour']],
        [indicator({ name: undefined }), ['name']],
        // Direction must agree with baseline → target.
        [indicator({ baseline: 50, target: 20 }), ['target']],
        [indicator({ baseline: 20, target: 20 }), ['target']],
        // A gap indicator measures a gap closing: the target gap must be narrower.
        [indicator({ kind: 'gap', baseline: -5, target: -20, direction: 'decrease' }), ['target']],
      ];
      for (const [body, fields] of cases) {
        const res = await post(s.manager, path, body);
        expectProblem(res, 400);
        expect(fieldsOf(res)).toEqual(fields);
      }
    });

    it('managers edit with If-Match; the kind never changes; edits are audited', async () => {
      const path = `/indicators/${weeksId}`;
      expectProblem(await http().patch(path).set(bearer(s.manager)).send({ target: 12 }), 428);
      expectProblem(
        await http().patch(path).set(bearer(s.manager)).set('If-Match', '"7"').send({ target: 12 }),
        412,
      );
      expectProblem(
        await http().patch(path).set(bearer(implementer)).set('If-Match', '"1"').send({ target: 12 }),
        403,
      );
      const kind = await http()
        .patch(path)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({ kind: 'gap' });
      expectProblem(kind, 400);
      expect(fieldsOf(kind)).toEqual(['kind']);
      const backwards = await http()
        .patch(path)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({ target: 40 });
      expectProblem(backwards, 400);
      expect(fieldsOf(backwards)).toEqual(['target']);
      const ok = await http()
        .patch(path)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({ target: 12, unit: 'weeks (median)' })
        .expect(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({ target: 12, unit: 'weeks (median)', baseline: 30, version: 2 });
      const audit = await auditOf(stack, 'indicator', weeksId);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].changes).toEqual({
        target: { before: 10, after: 12 },
        unit: { before: 'weeks', after: 'weeks (median)' },
      });
    });
  });

  describe('values', () => {
    it('a working partner reports; who and for which organisation is recorded', async () => {
      const res = await post(implementer, `/indicators/${plainId}/values`, {
        ...Q1,
        value: 40,
        note: 'Spring cohort',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        indicatorId: plainId,
        ...Q1,
        value: 40,
        migrantValue: null,
        hostValue: null,
        note: 'Spring cohort',
        reportedByUserId: implementer.userId,
        reportedByOrganizationId: s.implementer.organizationId,
      });
      const weeks = await post(implementer, `/indicators/${weeksId}/values`, { ...Q1, value: 35 }).expect(
        201,
      );
      expect(weeks.body.value).toBe(35);
    });

    it('a gap value is stored as migrant − host, in exact decimals; the same period again corrects it', async () => {
      const first = await post(implementer, `/indicators/${gapId}/values`, {
        ...Q1,
        migrantValue: 55.5,
        hostValue: 71.3,
      }).expect(201);
      // 55.5 − 71.3 in floating point is −15.799999999999997.
      expect(first.body).toMatchObject({ value: -15.8, migrantValue: 55.5, hostValue: 71.3 });
      const corrected = await post(implementer, `/indicators/${gapId}/values`, {
        ...Q1,
        migrantValue: 56,
        hostValue: 71,
        note: 'Corrected after the census release',
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({
        id: first.body.id,
        value: -15,
        migrantValue: 56,
        hostValue: 71,
      });
      const audit = await auditOf(stack, 'indicator_value', first.body.id);
      expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
        ['create', implementer.userId],
        ['update', implementer.userId],
      ]);
      expect(audit[1].changes).toMatchObject({
        value: { before: -15.8, after: -15 },
        migrantValue: { before: 55.5, after: 56 },
        hostValue: { before: 71.3, after: 71 },
      });
      const rows = await stack.query<{ n: string }>(
        `SELECT count(*) AS n FROM indicator_values WHERE indicator_id = $1`,
        [gapId],
      );
      expect(rows[0].n).toBe('1');
    });

    it('observers may not report (403); outsiders do not see the indicator at all (404)', async () => {
      expectProblem(await post(observer, `/indicators/${plainId}/values`, { ...Q2, value: 1 }), 403);
      expectProblem(await post(outsider, `/indicators/${plainId}/values`, { ...Q2, value: 1 }), 404);
      const none = await stack.query(`SELECT 1 FROM indicator_values WHERE period_start = $1`, [
        Q2.periodStart,
      ]);
      expect(none).toHaveLength(0);
    });

    it('someone in two working organisations must say which one they report for', async () => {
      const missing = await post(twoHats, `/indicators/${raceId}/values`, { ...Q1, value: 5 });
      expectProblem(missing, 400);
      expect(fieldsOf(missing)).toEqual(['organizationId']);
      const notTheirs = await post(twoHats, `/indicators/${raceId}/values`, {
        ...Q1,
        value: 5,
        organizationId: s.outsider.organizationId,
      });
      expectProblem(notTheirs, 400);
      expect(fieldsOf(notTheirs)).toEqual(['organizationId']);
      const ok = await post(twoHats, `/indicators/${raceId}/values`, {
        ...Q1,
        value: 5,
        organizationId: s.provider.organizationId,
      }).expect(201);
      expect(ok.body).toMatchObject({
        reportedByUserId: twoHats.userId,
        reportedByOrganizationId: s.provider.organizationId,
      });
    });

    it('bad values are 400s naming the field; a period ending before it starts is 422 INVALID_DATE_RANGE', async () => {
      const cases: [string, Record<string, unknown>, string[]][] = [
        [plainId, { ...Q2, migrantValue: 3 }, ['value', 'migrantValue']],
        [gapId, { ...Q2, value: 3, migrantValue: 50 }, ['value', 'hostValue']],
        [plainId, { ...Q2, value: '3' }, ['value']],
        [plainId, { ...Q2, value: 1.23456 }, ['value']],
        [plainId, { ...Q2, value: 1e13 }, ['value']],
        [plainId, { periodStart: '2027-02-30', periodEnd: '2027-03-31', value: 3 }, ['periodStart']],
        [plainId, { periodStart: '2027-04-01', periodEnd: '30/06/2027', value: 3 }, ['periodEnd']],
        [plainId, { ...Q2, value: 3, reportedByUserId: outsider.userId }, ['reportedByUserId']],
      ];
      for (const [id, body, fields] of cases) {
        const res = await post(implementer, `/indicators/${id}/values`, body);
        expectProblem(res, 400);
        expect(fieldsOf(res)).toEqual(fields);
      }
      const backwards = await post(implementer, `/indicators/${plainId}/values`, {
        periodStart: '2027-06-30',
        periodEnd: '2027-04-01',
        value: 3,
      });
      expectProblem(backwards, 422);
      expect(backwards.body.code).toBe('INVALID_DATE_RANGE');
      expect(fieldsOf(backwards)).toEqual(['periodEnd']);
      expectProblem(await get(implementer, `/indicators/not-a-uuid/values`), 400);
      expectProblem(await get(implementer, `/indicators/00000000-0000-4000-8000-000000000000`), 404);
    });
  });

  describe('reporting-period locks', () => {
    let lockId: string;

    it('the manager locks a period; the same period twice is 409 PERIOD_ALREADY_LOCKED; partners cannot lock', async () => {
      const path = `/programmes/${s.programmeId}/period-locks`;
      expectProblem(await post(implementer, path, Q1), 403);
      expectProblem(await post(observer, path, Q1), 403);
      const backwards = await post(s.manager, path, { periodStart: Q1.periodEnd, periodEnd: Q1.periodStart });
      expectProblem(backwards, 422);
      expect(fieldsOf(backwards)).toEqual(['periodEnd']);
      const lock = await post(s.manager, path, Q1).expect(201);
      expect(lock.body).toMatchObject({
        programmeId: s.programmeId,
        ...Q1,
        lockedByUserId: s.manager.userId,
      });
      lockId = lock.body.id;
      const again = await post(s.manager, path, Q1);
      expectProblem(again, 409);
      expect(again.body.code).toBe('PERIOD_ALREADY_LOCKED');
      const list = await get(observer, path).expect(200);
      expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([lockId]);
    });

    it('while locked, no value overlapping the period is created or corrected (409 PERIOD_LOCKED)', async () => {
      const correction = await post(implementer, `/indicators/${gapId}/values`, {
        ...Q1,
        migrantValue: 1,
        hostValue: 2,
      });
      expectProblem(correction, 409);
      expect(correction.body.code).toBe('PERIOD_LOCKED');
      const overlapping = await post(implementer, `/indicators/${emptyId}/values`, {
        periodStart: '2027-03-01',
        periodEnd: '2027-04-30',
        value: 3,
      });
      expectProblem(overlapping, 409);
      expect(overlapping.body.code).toBe('PERIOD_LOCKED');
      expectProblem(await post(s.manager, `/indicators/${plainId}/values`, { ...Q1, value: 1 }), 409);
      const stored = await get(observer, `/indicators/${gapId}/values`).expect(200);
      expect(stored.body.items).toEqual([expect.objectContaining({ ...Q1, value: -15 })]);
      const empty = await get(observer, `/indicators/${emptyId}/values`).expect(200);
      expect(empty.body.items).toEqual([]);
    });

    it('only the manager unlocks; then corrections work again; lock and unlock are audited', async () => {
      const path = `/programmes/${s.programmeId}/period-locks/${lockId}`;
      expectProblem(await http().delete(path).set(bearer(implementer)), 403);
      await http().delete(path).set(bearer(s.manager)).expect(204);
      expectProblem(await http().delete(path).set(bearer(s.manager)), 404);
      const corrected = await post(implementer, `/indicators/${gapId}/values`, {
        ...Q1,
        migrantValue: 56,
        hostValue: 71,
        note: 'Confirmed',
      }).expect(200);
      expect(corrected.body).toMatchObject({ value: -15, note: 'Confirmed' });
      const audit = await auditOf(stack, 'reporting_period_lock', lockId);
      expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
        ['create', s.manager.userId],
        ['delete', s.manager.userId],
      ]);
      expect(audit[0].changes).toMatchObject({ periodStart: { after: Q1.periodStart } });
      expect(audit[1].changes).toMatchObject({ periodEnd: { before: Q1.periodEnd } });
    });

    it('a lock cannot slip in between a report checking the locks and writing its value', async () => {
      const first = await post(implementer, `/indicators/${raceId}/values`, { ...Q3, value: 1 }).expect(201);
      const waiters = async () =>
        Number(
          (
            await stack.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0].n,
        );
      const until = async (what: string, check: () => Promise<boolean>) => {
        const deadline = Date.now() + 10_000;
        while (!(await check())) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      // Hold the value's row, so the correction below stops after checking the locks and before writing.
      const holder = new Client({ connectionString: stack.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM indicator_values WHERE id = $1 FOR UPDATE', [first.body.id]);
        const correction = post(implementer, `/indicators/${raceId}/values`, { ...Q3, value: 2 }).then(
          (r) => r,
        );
        await until('the correction to wait on the value row', async () => (await waiters()) >= 1);
        let lockDone = false;
        const lock = post(s.manager, `/programmes/${s.programmeId}/period-locks`, Q3).then((r) => {
          lockDone = true;
          return r;
        });
        // The lock must queue behind the report (on the programme row), not commit past it.
        await until(
          'the lock to queue behind the report or finish',
          async () => lockDone || (await waiters()) >= 2,
        );
        expect(lockDone).toBe(false);
        await holder.query('COMMIT');
        const [corrected, locked] = await Promise.all([correction, lock]);
        expect(corrected.status).toBe(200);
        expect(locked.status).toBe(201);
        // Both versions of the value were written before the lock: their audit rows are older.
        const [lockAt] = await stack.query<{ occurred_at: Date }>(
          `SELECT occurred_at FROM audit_events WHERE entity_type = 'reporting_period_lock' AND entity_id = $1`,
          [locked.body.id],
        );
        const valueAudits = await stack.query<{ occurred_at: Date }>(
          `SELECT occurred_at FROM audit_events WHERE entity_type = 'indicator_value' AND entity_id = $1`,
          [first.body.id],
        );
        expect(valueAudits).toHaveLength(2);
        for (const a of valueAudits)
          expect(a.occurred_at.getTime()).toBeLessThan(lockAt.occurred_at.getTime());
      } finally {
        await holder.end();
      }
      expectProblem(await post(implementer, `/indicators/${raceId}/values`, { ...Q3, value: 9 }), 409);
    });

    it('outsiders get 404 on locks', async () => {
      const path = `/programmes/${s.programmeId}/period-locks`;
      expectProblem(await get(outsider, path), 404);
      expectProblem(await post(outsider, path, Q2), 404);
      expectProblem(await http().delete(`${path}/${lockId}`).set(bearer(outsider)), 404);
    });
  });

  describe('dashboard', () => {
    const today = () => new Date().toISOString().slice(0, 10);
    let milestones: Record<'intake' | 'done' | 'empty' | 'future', string>;
    let tasks: Record<string, string>;
    let commentId: string;

    // An outsider cannot tell the programme's indicators exist: every route answers 404.
    it.each<[string, () => ReturnType<typeof get>]>([
      ['list the indicators', () => get(outsider, `/programmes/${s.programmeId}/indicators`)],
      ['read an indicator', () => get(outsider, `/indicators/${gapId}`)],
      ["read an indicator's values", () => get(outsider, `/indicators/${gapId}/values`)],
      ['read the dashboard', () => get(outsider, `/programmes/${s.programmeId}/dashboard`)],
      [
        'edit an indicator',
        () =>
          http()
            .patch(`/indicators/${gapId}`)
            .set(bearer(outsider))
            .set('If-Match', '"1"')
            .send({ name: 'Renamed' }),
      ],
    ])('an outsider who tries to %s gets 404', async (_what, request) => {
      expectProblem(await request(), 404);
    });

    it('an outsider is told an indicator is not found, as for one that does not exist', async () => {
      const other = await get(outsider, `/indicators/${gapId}`);
      expect(other.body.detail).toBe('Indicator not found');
    });

    it('sets up milestones and tasks through the API, worked by the assignee partners', async () => {
      const milestone = async (title: string, dueDate: string) =>
        (await post(s.manager, `/programmes/${s.programmeId}/milestones`, { title, dueDate }).expect(201))
          .body.id as string;
      milestones = {
        intake: await milestone('Intake done', '2026-01-15'),
        done: await milestone('Partners trained', '2026-01-20'),
        empty: await milestone('Venue found', '2026-02-01'),
        future: await milestone('Placements', '2099-06-30'),
      };
      const I = { org: s.implementer.organizationId, who: implementer };
      const P = { org: s.provider.organizationId, who: s.provider.session };
      const L = { org: s.leadOrganizationId, who: s.manager };
      /** Creates a task as the manager, then moves it along `path` as the assignee (cancelling is the manager's). */
      const task = async (
        title: string,
        assignee: { org: string; who: Session },
        dueDate: string | null,
        milestoneId: string | null,
        path: string[],
      ) => {
        const created = await post(s.manager, `/programmes/${s.programmeId}/tasks`, {
          title,
          assigneeOrganizationId: assignee.org,
          dueDate,
          milestoneId,
        }).expect(201);
        for (const to of path) {
          await post(
            to === 'cancelled' ? s.manager : assignee.who,
            `/tasks/${created.body.id}/transitions`,
            to === 'blocked' ? { to, reason: 'Waiting for the employer to sign' } : { to },
          ).expect(200);
        }
        return created.body.id as string;
      };
      tasks = {
        t1: await task('Book interpreters', I, '2026-01-10', milestones.intake, []),
        t2: await task('Print intake forms', I, '2026-01-10', milestones.intake, ['in_progress', 'done']),
        t3: await task('Rent a bus', I, '2026-01-10', milestones.intake, ['cancelled']),
        t4: await task('Screen candidates', P, '2099-01-01', milestones.intake, ['in_progress']),
        t5: await task('Sign employer MoUs', P, '2026-03-01', milestones.future, ['in_progress', 'blocked']),
        // Finished by the provider last of all (below), as its latest activity.
        t6: await task('List vacancies', P, null, milestones.future, ['in_progress']),
        t7: await task('Write the funder report', L, null, null, []),
        t8: await task('Match mentors', I, today(), milestones.future, ['in_progress']),
        t9: await task('Train staff', I, '2026-01-18', milestones.done, ['in_progress', 'done']),
      };
      // Another programme's tasks stay out of this one's figures.
      const other = await post(s.manager, '/programmes', {
        title: 'Another programme',
        leadOrganizationId: s.leadOrganizationId,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        country: 'PT',
      }).expect(201);
      await post(s.manager, `/programmes/${other.body.id}/transitions`, { to: 'active' }).expect(200);
      await post(s.manager, `/programmes/${other.body.id}/tasks`, {
        title: 'Elsewhere',
        assigneeOrganizationId: s.leadOrganizationId,
        dueDate: '2020-01-01',
      }).expect(201);
    });

    it('each partner acts last in its own way: a report, a task finished, a comment', async () => {
      await post(s.manager, `/indicators/${plainId}/values`, { ...Q2, value: 90 }).expect(201);
      // Reported for the provider, for a period that ends before Q2: the latest value stays Q2's.
      await post(twoHats, `/indicators/${plainId}/values`, {
        ...Q0,
        value: 10,
        organizationId: s.provider.organizationId,
      }).expect(201);
      await post(s.provider.session, `/tasks/${tasks.t6}/transitions`, { to: 'done' }).expect(200);
      await post(implementer, `/indicators/${gapId}/values`, {
        ...Q2,
        migrantValue: 60,
        hostValue: 72,
      }).expect(201);
      commentId = (
        await post(implementer, `/tasks/${tasks.t5}/comments`, {
          body: 'We can call the employer on Monday',
        }).expect(201)
      ).body.id;
      const values = await get(observer, `/indicators/${plainId}/values`).expect(200);
      expect(
        values.body.items.map((v: { periodStart: string; value: number }) => [v.periodStart, v.value]),
      ).toEqual([
        [Q0.periodStart, 10],
        [Q1.periodStart, 40],
        [Q2.periodStart, 90],
      ]);
    });

    it('shows tasks, milestones, indicators and partners as the data the test created says', async () => {
      const res = await get(observer, `/programmes/${s.programmeId}/dashboard`).expect(200);
      const d = res.body;
      expect(d.programmeId).toBe(s.programmeId);
      expect(d.today).toBe(today());

      expect(d.tasksByState).toEqual({ todo: 2, in_progress: 2, blocked: 1, done: 3, cancelled: 1 });
      const names = await stack.query<{ id: string; name: string }>(
        `SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])`,
        [[s.implementer.organizationId, s.provider.organizationId, s.leadOrganizationId]],
      );
      const nameOf = (id: string) => names.find((n) => n.id === id)!.name;
      expect(d.tasksByPartner).toEqual(
        [
          {
            id: s.implementer.organizationId,
            name: nameOf(s.implementer.organizationId),
            byState: { todo: 1, in_progress: 1, blocked: 0, done: 2, cancelled: 1 },
            total: 5,
          },
          {
            id: s.provider.organizationId,
            name: nameOf(s.provider.organizationId),
            byState: { todo: 0, in_progress: 1, blocked: 1, done: 1, cancelled: 0 },
            total: 3,
          },
          {
            id: s.leadOrganizationId,
            name: nameOf(s.leadOrganizationId),
            byState: { todo: 1, in_progress: 0, blocked: 0, done: 0, cancelled: 0 },
            total: 1,
          },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );

      // Open and due before today: not the one due today, not the done or cancelled ones.
      expect(d.overdueTasks).toEqual([
        {
          id: tasks.t1,
          title: 'Book interpreters',
          dueDate: '2026-01-10',
          assigneeOrganizationId: s.implementer.organizationId,
          state: 'todo',
        },
        {
          id: tasks.t5,
          title: 'Sign employer MoUs',
          dueDate: '2026-03-01',
          assigneeOrganizationId: s.provider.organizationId,
          state: 'blocked',
        },
      ]);

      expect(d.milestones).toEqual([
        // t1, t2, t4 (t3 is cancelled); one done; past due and unfinished.
        {
          id: milestones.intake,
          title: 'Intake done',
          dueDate: '2026-01-15',
          tasksTotal: 3,
          tasksDone: 1,
          progress: 0.333333,
          overdue: true,
        },
        {
          id: milestones.done,
          title: 'Partners trained',
          dueDate: '2026-01-20',
          tasksTotal: 1,
          tasksDone: 1,
          progress: 1,
          overdue: false,
        },
        {
          id: milestones.empty,
          title: 'Venue found',
          dueDate: '2026-02-01',
          tasksTotal: 0,
          tasksDone: 0,
          progress: 0,
          overdue: true,
        },
        {
          id: milestones.future,
          title: 'Placements',
          dueDate: '2099-06-30',
          tasksTotal: 3,
          tasksDone: 1,
          progress: 0.333333,
          overdue: false,
        },
      ]);

      const byId = Object.fromEntries(d.indicators.map((i: { id: string }) => [i.id, i]));
      expect(d.indicators.map((i: { id: string }) => i.id)).toEqual([
        plainId,
        gapId,
        weeksId,
        raceId,
        emptyId,
      ]);
      // Latest by period end: Q2 (90), although Q0 was reported after it. (90 − 0) / (200 − 0).
      expect(byId[plainId]).toMatchObject({
        kind: 'plain',
        baseline: 0,
        target: 200,
        latestValue: { ...Q2, value: 90, migrantValue: null, hostValue: null },
        progress: 0.45,
        progressRaw: 0.45,
      });
      // On the gap: |−20| → |−5|, now |60 − 72| = 12: (20 − 12) / (20 − 5) = 8/15.
      expect(byId[gapId]).toMatchObject({
        kind: 'gap',
        baseline: -20,
        target: -5,
        latestValue: { ...Q2, value: -12, migrantValue: 60, hostValue: 72 },
        progress: 0.533333,
        progressRaw: 0.533333,
      });
      // Moved away from the target: (35 − 30) / (12 − 30) is negative, shown clamped to 0.
      expect(byId[weeksId]).toMatchObject({
        direction: 'decrease',
        latestValue: { ...Q1, value: 35 },
        progress: 0,
        progressRaw: -0.277778,
      });
      expect(byId[emptyId]).toMatchObject({
        target: 50.5,
        latestValue: null,
        progress: null,
        progressRaw: null,
      });

      // Last activity: each partner's members' latest audited change to this programme's records.
      const latestAudit = async (where: string, params: unknown[]) =>
        (
          await stack.query<{ at: Date }>(
            `SELECT max(occurred_at) AS at FROM audit_events WHERE ${where}`,
            params,
          )
        )[0].at.toISOString();
      const managerReported = await latestAudit(`entity_type = 'indicator_value' AND actor_user_id = $1`, [
        s.manager.userId,
      ]);
      const providerFinishedTask = await latestAudit(
        `entity_type = 'task' AND entity_id = $1 AND actor_user_id = $2`,
        [tasks.t6, s.provider.session.userId],
      );
      const implementerCommented = await latestAudit(`entity_type = 'task_comment' AND entity_id = $1`, [
        commentId,
      ]);
      const observerPartner = await stack.query<{ id: string }>(
        `SELECT id FROM programme_partners WHERE programme_id = $1 AND organization_id = $2`,
        [s.programmeId, s.observer.organizationId],
      );
      const observerAccepted = await latestAudit(
        `entity_type = 'programme_partner' AND entity_id = $1 AND actor_user_id = $2`,
        [observerPartner[0].id, observer.userId],
      );
      const activity = Object.fromEntries(
        d.partners.map((p: { organizationId: string }) => [p.organizationId, p]),
      );
      expect(Object.keys(activity).sort()).toEqual(
        [
          s.leadOrganizationId,
          s.implementer.organizationId,
          s.provider.organizationId,
          s.observer.organizationId,
        ].sort(),
      );
      expect(activity[s.leadOrganizationId]).toMatchObject({
        role: 'lead',
        status: 'active',
        lastActivityAt: managerReported,
      });
      expect(activity[s.implementer.organizationId]).toMatchObject({
        name: nameOf(s.implementer.organizationId),
        role: 'implementer',
        lastActivityAt: implementerCommented,
      });
      expect(activity[s.provider.organizationId]).toMatchObject({
        role: 'service_provider',
        lastActivityAt: providerFinishedTask,
      });
      expect(activity[s.observer.organizationId]).toMatchObject({
        role: 'observer',
        status: 'active',
        lastActivityAt: observerAccepted,
      });
    });
  });
});
