import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import IORedis from 'ioredis';
import { auditOf, bearer, expectProblem, onboardUser, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme, waitForNotification } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { delayedJobIds, jobNames as jobNamesIn } from './support/jobs';
import { TestStack } from './support/stack';

/** A date `offset` days from today (UTC), YYYY-MM-DD. */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fieldsOf = (res: { body: { errors?: { field: string }[] } }): string[] =>
  [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface TaskBody {
  id: string;
  state: string;
  version: number;
  blockedBy: string[];
  dueDate: string | null;
  overdue: boolean;
  assigneeOrganizationId: string;
  assigneeUserId: string | null;
  completedAt: string | null;
  blockedReason: string | null;
}

describe('tasks: the work plan, its state machine, dependencies, comments, reminders, who may do what', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let redis: IORedis;
  let s: ProgrammeSetup;
  let implementer: Session;
  let provider: Session;
  let observer: Session;
  let outsider: Session;
  /** A plain member (not org admin) of the implementer organisation. */
  let colleague: Session;
  let milestoneId: string;

  const tasksPath = () => `/programmes/${s.programmeId}/tasks`;

  async function createTask(body: Record<string, unknown>, who: Session = s.manager): Promise<TaskBody> {
    const res = await stack
      .http()
      .post(tasksPath())
      .set(bearer(who))
      .send({ assigneeOrganizationId: s.implementer.organizationId, ...body });
    expect([res.status, res.body]).toEqual([201, expect.anything()]);
    return res.body as TaskBody;
  }

  const move = (taskId: string, who: Session, to: string, reason?: string) =>
    stack
      .http()
      .post(`/tasks/${taskId}/transitions`)
      .set(bearer(who))
      .send(reason === undefined ? { to } : { to, reason });

  async function patch(taskId: string, who: Session, body: Record<string, unknown>) {
    const read = await stack.http().get(`/tasks/${taskId}`).set(bearer(s.manager)).expect(200);
    return stack
      .http()
      .patch(`/tasks/${taskId}`)
      .set(bearer(who))
      .set('If-Match', read.headers.etag)
      .send(body);
  }

  async function notificationsOf(who: Session, type: string, subjectId: string) {
    const res = await stack
      .http()
      .get('/notifications')
      .query({ type, limit: 100 })
      .set(bearer(who))
      .expect(200);
    return (res.body.items as { subjectId: string; title: string }[]).filter(
      (n) => n.subjectId === subjectId,
    );
  }

  beforeAll(async () => {
    await smtp.start();
    // A long lead time, so a task due tomorrow is already "due soon" and its reminder fires at once.
    stack = await new TestStack({ smtp, env: { TASK_DUE_REMINDER_HOURS: '72' } }).start();
    redis = new IORedis(stack.redis.url, { maxRetriesPerRequest: 1 });
    s = await setupProgramme(stack, smtp, 'Tasks Bridge');
    implementer = s.implementer.session;
    provider = s.provider.session;
    observer = s.observer.session;
    outsider = s.outsider.session;
    colleague = await onboardUser(
      stack,
      smtp,
      implementer,
      s.implementer.organizationId,
      'colleague@implementer.test',
      'member',
    );
    const milestone = await stack
      .http()
      .post(`/programmes/${s.programmeId}/milestones`)
      .set(bearer(s.manager))
      .send({ title: 'First cohort enrolled', dueDate: day(60) })
      .expect(201);
    milestoneId = milestone.body.id;
  });

  afterAll(async () => {
    redis?.disconnect();
    await stack?.stop();
    await smtp.stop();
  });

  describe('planning', () => {
    it('a manager assigns tasks to working partners; the assignees are told', async () => {
      const res = await stack
        .http()
        .post(tasksPath())
        .set(bearer(s.manager))
        .send({
          title: '  Book the venue for the language course ',
          description: 'Two rooms, step-free access.',
          milestoneId,
          assigneeOrganizationId: s.implementer.organizationId,
          assigneeUserId: implementer.userId,
          priority: 'high',
          dueDate: day(30),
        });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/tasks/${res.body.id}`);
      expect(res.body).toMatchObject({
        programmeId: s.programmeId,
        title: 'Book the venue for the language course',
        milestoneId,
        assigneeUserId: implementer.userId,
        priority: 'high',
        dueDate: day(30),
        state: 'todo',
        blockedBy: [],
        overdue: false,
        completedAt: null,
        createdByUserId: s.manager.userId,
        version: 1,
      });
      const audit = await auditOf(stack, 'task', res.body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', actor_user_id: s.manager.userId });
      expect(audit[0].changes).toMatchObject({ title: { after: 'Book the venue for the language course' } });
      expect(await waitForNotification(stack, implementer, 'task.assigned', res.body.id)).toHaveLength(1);

      // No one named: every member of the organisation hears of it, with the default priority.
      const forProvider = await createTask({
        title: 'Recruit Arabic interpreters',
        assigneeOrganizationId: s.provider.organizationId,
      });
      expect(forProvider).toMatchObject({ priority: 'normal', dueDate: null, assigneeUserId: null });
      const told = await waitForNotification(stack, provider, 'task.assigned', forProvider.id);
      expect(told).toHaveLength(1);
      expect((told[0] as unknown as { title: string }).title).toContain('Recruit Arabic interpreters');

      const read = await stack.http().get(`/tasks/${res.body.id}`).set(bearer(observer)).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('assigns only to active working partners and their own people (422 naming the field)', async () => {
      for (const organizationId of [s.observer.organizationId, s.outsider.organizationId]) {
        const res = await stack
          .http()
          .post(tasksPath())
          .set(bearer(s.manager))
          .send({ title: 'Not theirs', assigneeOrganizationId: organizationId });
        expectProblem(res, 422);
        expect(res.body.code).toBe('ASSIGNEE_NOT_PARTNER');
        expect(fieldsOf(res)).toEqual(['assigneeOrganizationId']);
      }
      const notMember = await stack.http().post(tasksPath()).set(bearer(s.manager)).send({
        title: 'Not theirs',
        assigneeOrganizationId: s.implementer.organizationId,
        assigneeUserId: provider.userId,
      });
      expectProblem(notMember, 422);
      expect(notMember.body.code).toBe('ASSIGNEE_NOT_MEMBER');
      expect(fieldsOf(notMember)).toEqual(['assigneeUserId']);
      const rows = await stack.query(`SELECT 1 FROM tasks WHERE title = 'Not theirs'`);
      expect(rows).toHaveLength(0);
    });

    it('rejects bad input with a 400 naming each field', async () => {
      const send = (body: Record<string, unknown>) =>
        stack
          .http()
          .post(tasksPath())
          .set(bearer(s.manager))
          .send({ title: 'Bad input', assigneeOrganizationId: s.implementer.organizationId, ...body });
      const cases: [Record<string, unknown>, string[]][] = [
        [{ colour: 'red' }, ['colour']],
        [{ priority: 'asap' }, ['priority']],
        [{ dueDate: '2027-02-30' }, ['dueDate']],
        [{ dueDate: '31/03/2027' }, ['dueDate']],
        [{ title: '   ' }, ['title']],
        [{ blockedBy: ['not-a-task'] }, ['blockedBy']],
        [{ blockedBy: ['5d0e3b4e-8a7c-4a5b-9c1d-2e3f4a5b6c7d'] }, ['blockedBy']],
        [{ milestoneId: '5d0e3b4e-8a7c-4a5b-9c1d-2e3f4a5b6c7d' }, ['milestoneId']],
        [{ assigneeOrganizationId: 'acme', priority: 'later' }, ['assigneeOrganizationId', 'priority']],
      ];
      for (const [body, fields] of cases) {
        const res = await send(body);
        expectProblem(res, 400);
        expect([body, fieldsOf(res)]).toEqual([body, fields]);
      }
      expectProblem(await stack.http().get('/tasks/not-a-uuid').set(bearer(s.manager)), 400);
      expectProblem(
        await stack.http().get(tasksPath()).query({ state: 'later' }).set(bearer(s.manager)),
        400,
      );
      expect(await stack.query(`SELECT 1 FROM tasks WHERE title = 'Bad input'`)).toHaveLength(0);
    });

    it('honours Idempotency-Key: a repeat returns the first task and creates nothing', async () => {
      const body = { title: 'Print the course flyers', assigneeOrganizationId: s.implementer.organizationId };
      const first = await stack
        .http()
        .post(tasksPath())
        .set(bearer(s.manager))
        .set('Idempotency-Key', 'flyers-1')
        .send(body);
      expect(first.status).toBe(201);
      const again = await stack
        .http()
        .post(tasksPath())
        .set(bearer(s.manager))
        .set('Idempotency-Key', 'flyers-1')
        .send(body);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(await stack.query(`SELECT id FROM tasks WHERE title = 'Print the course flyers'`)).toHaveLength(
        1,
      );
      expect(await auditOf(stack, 'task', first.body.id)).toHaveLength(1);
    });
  });

  describe('the state machine', () => {
    it('the implementer works its task from todo to done, with a block and a reopen on the way', async () => {
      const task = await createTask({ title: 'Enrol the first cohort', assigneeUserId: implementer.userId });
      const illegal = await move(task.id, implementer, 'done');
      expectProblem(illegal, 409);
      expect(illegal.body.code).toBe('TASK_TRANSITION_NOT_ALLOWED');

      const started = await move(task.id, implementer, 'in_progress').expect(200);
      expect(started.body).toMatchObject({ state: 'in_progress', version: 2 });
      expect(started.headers.etag).toBe('"2"');

      const noReason = await move(task.id, implementer, 'blocked');
      expectProblem(noReason, 400);
      expect(fieldsOf(noReason)).toEqual(['reason']);
      const blocked = await move(task.id, colleague, 'blocked', 'Waiting for the enrolment forms').expect(
        200,
      );
      expect(blocked.body).toMatchObject({
        state: 'blocked',
        blockedReason: 'Waiting for the enrolment forms',
      });
      expectProblem(await move(task.id, implementer, 'done'), 409);
      const unblocked = await move(task.id, implementer, 'in_progress').expect(200);
      expect(unblocked.body.blockedReason).toBeNull();

      const done = await move(task.id, implementer, 'done').expect(200);
      expect(done.body.state).toBe('done');
      expect(Date.parse(done.body.completedAt)).toBeGreaterThan(Date.now() - 60_000);
      const reopened = await move(task.id, implementer, 'in_progress').expect(200);
      expect(reopened.body.completedAt).toBeNull();
      await move(task.id, implementer, 'done').expect(200);
      expectProblem(await move(task.id, implementer, 'todo'), 409);
      expectProblem(await move(task.id, implementer, 'finished'), 400);

      // Only managers cancel; cancelled is final.
      expectProblem(await move(task.id, implementer, 'cancelled'), 403);
      await move(task.id, s.manager, 'cancelled').expect(200);
      const final = await move(task.id, s.manager, 'in_progress');
      expectProblem(final, 409);
      expect(final.body.code).toBe('TASK_TRANSITION_NOT_ALLOWED');

      const audit = await auditOf(stack, 'task', task.id);
      expect(audit.map((a) => (a.changes as { state?: { after: string } }).state?.after)).toEqual([
        'todo',
        'in_progress',
        'blocked',
        'in_progress',
        'done',
        'in_progress',
        'done',
        'cancelled',
      ]);
      expect(audit[2].actor_user_id).toBe(colleague.userId);

      // Managers and the assignee organisation hear of each move, but not the one who made it.
      const heard = await waitForNotification(stack, s.manager, 'task.state_changed', task.id);
      expect(heard.length).toBeGreaterThanOrEqual(1);
      const colleagueHeard = await waitForNotification(stack, colleague, 'task.state_changed', task.id);
      expect(colleagueHeard.length).toBeGreaterThanOrEqual(1);
    });

    it('two concurrent transitions cannot both win', async () => {
      const task = await createTask({ title: 'Sign the venue contract' });
      const results = await Promise.all([
        move(task.id, implementer, 'in_progress'),
        move(task.id, colleague, 'in_progress'),
        move(task.id, s.manager, 'in_progress'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.body.code === 'TASK_TRANSITION_NOT_ALLOWED'),
      ).toBe(true);
      const audit = await auditOf(stack, 'task', task.id);
      expect(audit).toHaveLength(2);
    });
  });

  describe('dependencies', () => {
    it('a task cannot start while a task it waits for is open', async () => {
      const lease = await createTask({ title: 'Sign the lease' });
      const fitOut = await createTask({ title: 'Fit out the classroom', blockedBy: [lease.id] });
      expect(fitOut.blockedBy).toEqual([lease.id]);
      const blocked = await move(fitOut.id, implementer, 'in_progress');
      expectProblem(blocked, 409);
      expect(blocked.body.code).toBe('TASK_BLOCKED_BY_DEPENDENCY');
      expect(blocked.body.detail).toContain('Sign the lease');
      await move(lease.id, implementer, 'in_progress').expect(200);
      expectProblem(await move(fitOut.id, implementer, 'in_progress'), 409);
      await move(lease.id, implementer, 'done').expect(200);
      await move(fitOut.id, implementer, 'in_progress').expect(200);
    });

    it('refuses a dependency cycle, however long, and a task waiting for itself', async () => {
      const a = await createTask({ title: 'Cycle A' });
      const b = await createTask({ title: 'Cycle B', blockedBy: [a.id] });
      const c = await createTask({ title: 'Cycle C', blockedBy: [b.id] });
      for (const blockedBy of [[b.id], [c.id], [a.id]]) {
        const res = await patch(a.id, s.manager, { blockedBy });
        expectProblem(res, 409);
        expect(res.body.code).toBe('DEPENDENCY_CYCLE');
        expect(fieldsOf(res)).toEqual(['blockedBy']);
      }
      expect(await stack.query(`SELECT 1 FROM task_dependencies WHERE task_id = $1`, [a.id])).toHaveLength(0);
      // Breaking the chain makes the edge legal.
      await patch(b.id, s.manager, { blockedBy: [] }).then((r) => expect(r.status).toBe(200));
      const ok = await patch(a.id, s.manager, { blockedBy: [c.id] });
      expect([ok.status, ok.body.blockedBy]).toEqual([200, [c.id]]);
    });

    it('two concurrent edits cannot close a cycle together', async () => {
      const x = await createTask({ title: 'Race X' });
      const y = await createTask({ title: 'Race Y' });
      const [rx, ry] = await Promise.all([
        stack.http().get(`/tasks/${x.id}`).set(bearer(s.manager)),
        stack.http().get(`/tasks/${y.id}`).set(bearer(s.manager)),
      ]);
      const results = await Promise.all([
        stack
          .http()
          .patch(`/tasks/${x.id}`)
          .set(bearer(s.manager))
          .set('If-Match', rx.headers.etag)
          .send({ blockedBy: [y.id] }),
        stack
          .http()
          .patch(`/tasks/${y.id}`)
          .set(bearer(s.manager))
          .set('If-Match', ry.headers.etag)
          .send({ blockedBy: [x.id] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('DEPENDENCY_CYCLE');
      const edges = await stack.query(`SELECT 1 FROM task_dependencies WHERE task_id = ANY($1::uuid[])`, [
        [x.id, y.id],
      ]);
      expect(edges).toHaveLength(1);
    });
  });

  describe('editing', () => {
    it('needs If-Match: 428 without, 412 when stale; every edit is audited', async () => {
      const task = await createTask({ title: 'Draft the course syllabus', dueDate: day(40) });
      const missing = await stack
        .http()
        .patch(`/tasks/${task.id}`)
        .set(bearer(s.manager))
        .send({ priority: 'low' });
      expectProblem(missing, 428);
      const ok = await stack
        .http()
        .patch(`/tasks/${task.id}`)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({
          priority: 'urgent',
          title: 'Draft the A1 syllabus',
          milestoneId,
          description: 'With the teachers',
        });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({
        priority: 'urgent',
        title: 'Draft the A1 syllabus',
        milestoneId,
        version: 2,
      });
      const stale = await stack
        .http()
        .patch(`/tasks/${task.id}`)
        .set(bearer(s.manager))
        .set('If-Match', '"1"')
        .send({ priority: 'low' });
      expectProblem(stale, 412);
      const audit = await auditOf(stack, 'task', task.id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].changes).toEqual({
        priority: { before: 'normal', after: 'urgent' },
        title: { before: 'Draft the course syllabus', after: 'Draft the A1 syllabus' },
        milestoneId: { before: null, after: milestoneId },
        description: { before: '', after: 'With the teachers' },
      });
      const cleared = await patch(task.id, s.manager, { milestoneId: null, dueDate: null });
      expect(cleared.body).toMatchObject({ milestoneId: null, dueDate: null });
      expectProblem(await patch(task.id, s.manager, { title: null }), 400);
    });

    it('the assignee organisation edits the description and who of them does it; nothing else', async () => {
      const task = await createTask({ title: 'Translate the leaflet' });
      const title = await patch(task.id, implementer, { title: 'Mine now' });
      expectProblem(title, 403);
      expect(fieldsOf(title)).toEqual(['title']);
      const description = await patch(task.id, colleague, { description: 'Arabic and Dari' });
      expect([description.status, description.body.description]).toEqual([200, 'Arabic and Dari']);
      const claimed = await patch(task.id, colleague, { assigneeUserId: colleague.userId });
      expect([claimed.status, claimed.body.assigneeUserId]).toEqual([200, colleague.userId]);
      expectProblem(await patch(task.id, provider, { description: 'Ours' }), 403);
      expectProblem(await patch(task.id, observer, { description: 'Ours' }), 403);
      expectProblem(await patch(task.id, s.admin, { description: 'Ours' }), 403);
    });

    it('reassigning tells the new assignee', async () => {
      const task = await createTask({ title: 'Find a second venue', assigneeUserId: implementer.userId });
      const moved = await patch(task.id, s.manager, { assigneeOrganizationId: s.provider.organizationId });
      expect(moved.status).toBe(200);
      // The person named belonged to the old organisation, so no one is named any more.
      expect(moved.body).toMatchObject({
        assigneeOrganizationId: s.provider.organizationId,
        assigneeUserId: null,
      });
      expect(await waitForNotification(stack, provider, 'task.assigned', task.id)).toHaveLength(1);
      const toObserver = await patch(task.id, s.manager, {
        assigneeOrganizationId: s.observer.organizationId,
      });
      expectProblem(toObserver, 422);
      expect(toObserver.body.code).toBe('ASSIGNEE_NOT_PARTNER');
    });
  });

  describe('who may do what', () => {
    let task: TaskBody;

    beforeAll(async () => {
      task = await createTask({ title: 'Permissions check', assigneeUserId: implementer.userId });
    });

    type Role = 'observer' | 'outsider' | 'provider' | 'implementer' | 'admin';
    const sessionOf = (role: Role): Session =>
      ({ observer, outsider, provider, implementer, admin: s.admin })[role];
    const requests = {
      'list the tasks': (who: Session) => stack.http().get(tasksPath()).set(bearer(who)),
      'read the task': (who: Session) => stack.http().get(`/tasks/${task.id}`).set(bearer(who)),
      'read its comments': (who: Session) => stack.http().get(`/tasks/${task.id}/comments`).set(bearer(who)),
      'read its history': (who: Session) => stack.http().get(`/tasks/${task.id}/history`).set(bearer(who)),
      'create a task': (who: Session) =>
        stack
          .http()
          .post(tasksPath())
          .set(bearer(who))
          .send({ title: 'x', assigneeOrganizationId: s.implementer.organizationId }),
      'move the task': (who: Session) => move(task.id, who, 'in_progress'),
      'comment on it': (who: Session) =>
        stack.http().post(`/tasks/${task.id}/comments`).set(bearer(who)).send({ body: 'hi' }),
      'edit it': (who: Session) =>
        stack
          .http()
          .patch(`/tasks/${task.id}`)
          .set(bearer(who))
          .set('If-Match', '"1"')
          .send({ description: 'x' }),
    };
    type Request = keyof typeof requests;

    // Who may do what to a task assigned to the implementer: the outsider cannot tell the programme
    // exists (404), the observer and the platform admin read only, another partner may not touch it.
    it.each<[Role, Request, number]>([
      ['outsider', 'list the tasks', 404],
      ['outsider', 'read the task', 404],
      ['outsider', 'read its comments', 404],
      ['outsider', 'read its history', 404],
      ['outsider', 'create a task', 404],
      ['outsider', 'move the task', 404],
      ['outsider', 'comment on it', 404],
      ['outsider', 'edit it', 404],
      ['observer', 'list the tasks', 200],
      ['observer', 'read the task', 200],
      ['observer', 'read its comments', 200],
      ['observer', 'read its history', 200],
      ['observer', 'create a task', 403],
      ['observer', 'move the task', 403],
      ['observer', 'comment on it', 403],
      ['provider', 'move the task', 403],
      ['implementer', 'create a task', 403],
      ['admin', 'read the task', 200],
      ['admin', 'move the task', 403],
    ])('%s: %s → %i', async (role, request, status) => {
      const res = await requests[request](sessionOf(role));
      if (status >= 400) expectProblem(res, status);
      else expect(res.status).toBe(status);
    });

    it('the outsider is told about a real task what it is told about a missing one, and sees none of its own', async () => {
      const ghost = await stack
        .http()
        .get('/tasks/5d0e3b4e-8a7c-4a5b-9c1d-2e3f4a5b6c7d')
        .set(bearer(outsider));
      const real = await stack.http().get(`/tasks/${task.id}`).set(bearer(outsider));
      expect(real.body.detail).toBe(ghost.body.detail);
      const mine = await stack.http().get('/me/tasks').set(bearer(outsider)).expect(200);
      expect(mine.body.items).toEqual([]);
    });

    it('after every refused request the task is as it was', async () => {
      const unchanged = await stack.http().get(`/tasks/${task.id}`).set(bearer(s.manager)).expect(200);
      expect(unchanged.body).toMatchObject({ state: 'todo', version: task.version });
      const comments = await stack
        .http()
        .get(`/tasks/${task.id}/comments`)
        .set(bearer(s.manager))
        .expect(200);
      expect(comments.body.items).toEqual([]);
    });
  });

  describe('comments and history', () => {
    it('a comment @mentioning a reader notifies them, and never an outsider', async () => {
      const task = await createTask({ title: 'Plan the welcome event', assigneeUserId: implementer.userId });
      const body =
        `Venue booked. @${provider.email} can you bring two interpreters? ` +
        `cc @${outsider.email} and @nobody@nowhere.test.`;
      const res = await stack
        .http()
        .post(`/tasks/${task.id}/comments`)
        .set(bearer(implementer))
        .send({ body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        taskId: task.id,
        authorUserId: implementer.userId,
        body,
        mentionedUserIds: [provider.userId],
      });
      const mentioned = await waitForNotification(stack, provider, 'task.mentioned', task.id);
      expect(mentioned).toHaveLength(1);
      // The same fan-out would have reached the outsider by now.
      expect(await notificationsOf(outsider, 'task.mentioned', task.id)).toEqual([]);
      expect(await auditOf(stack, 'task_comment', res.body.id)).toHaveLength(1);

      // Working partners comment on tasks that are not theirs.
      await stack
        .http()
        .post(`/tasks/${task.id}/comments`)
        .set(bearer(provider))
        .send({ body: 'Two interpreters confirmed.' })
        .expect(201);
      expectProblem(
        await stack.http().post(`/tasks/${task.id}/comments`).set(bearer(provider)).send({ body: ' ', x: 1 }),
        400,
      );
      const list = await stack.http().get(`/tasks/${task.id}/comments`).set(bearer(observer)).expect(200);
      expect(
        list.body.items.map((c: { body: string; authorName: string }) => [c.body, c.authorName]),
      ).toEqual([
        [body, expect.any(String)],
        ['Two interpreters confirmed.', expect.any(String)],
      ]);
      const page1 = await stack
        .http()
        .get(`/tasks/${task.id}/comments`)
        .query({ limit: 1 })
        .set(bearer(s.manager))
        .expect(200);
      const page2 = await stack
        .http()
        .get(`/tasks/${task.id}/comments`)
        .query({ limit: 1, cursor: page1.body.nextCursor })
        .set(bearer(s.manager))
        .expect(200);
      expect([...page1.body.items, ...page2.body.items].map((c: { id: string }) => c.id)).toEqual(
        list.body.items.map((c: { id: string }) => c.id),
      );
    });

    it('the history says who changed what and when, newest first, comments included', async () => {
      const task = await createTask({ title: 'Order course books' });
      await move(task.id, implementer, 'in_progress').expect(200);
      await stack
        .http()
        .post(`/tasks/${task.id}/comments`)
        .set(bearer(implementer))
        .send({ body: 'Ordered 20 copies.' })
        .expect(201);
      await patch(task.id, s.manager, { priority: 'high' }).then((r) => expect(r.status).toBe(200));
      const res = await stack.http().get(`/tasks/${task.id}/history`).set(bearer(observer)).expect(200);
      const items = res.body.items as {
        entityType: string;
        action: string;
        actorUserId: string;
        actorName: string;
        occurredAt: string;
        changes: Record<string, { before?: unknown; after?: unknown }>;
      }[];
      expect(items.map((e) => [e.entityType, e.action, e.actorUserId])).toEqual([
        ['task', 'update', s.manager.userId],
        ['task_comment', 'create', implementer.userId],
        ['task', 'update', implementer.userId],
        ['task', 'create', s.manager.userId],
      ]);
      expect(items[0].changes).toEqual({ priority: { before: 'normal', after: 'high' } });
      expect(items[2].changes.state).toEqual({ before: 'todo', after: 'in_progress' });
      expect(items[1].actorName).toBe(implementer.email.split('@')[0]);
      const times = items.map((e) => Date.parse(e.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  });

  describe('lists', () => {
    it('filters a programme’s tasks and pages through them', async () => {
      const late = await createTask({ title: 'Late report', dueDate: day(-3), milestoneId });
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await stack
          .http()
          .get(tasksPath())
          .query({ limit: 5, ...(cursor ? { cursor } : {}) })
          .set(bearer(observer))
          .expect(200);
        all.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      const [{ count }] = await stack.query<{ count: string }>(
        `SELECT count(*) FROM tasks WHERE programme_id = $1`,
        [s.programmeId],
      );
      expect(all).toHaveLength(Number(count));
      expect(new Set(all.map((t: TaskBody) => t.id)).size).toBe(all.length);

      const overdue = await stack
        .http()
        .get(tasksPath())
        .query({ overdue: 'true' })
        .set(bearer(s.manager))
        .expect(200);
      expect(overdue.body.items.map((t: TaskBody) => t.id)).toEqual([late.id]);
      expect(overdue.body.items[0].overdue).toBe(true);
      const byMilestone = await stack
        .http()
        .get(tasksPath())
        .query({ milestoneId })
        .set(bearer(s.manager))
        .expect(200);
      expect(byMilestone.body.items.map((t: TaskBody) => t.id)).toContain(late.id);
      const byProvider = await stack
        .http()
        .get(tasksPath())
        .query({ assigneeOrganizationId: s.provider.organizationId, state: 'todo,in_progress' })
        .set(bearer(s.manager))
        .expect(200);
      expect(byProvider.body.items.length).toBeGreaterThan(0);
      expect(
        byProvider.body.items.every(
          (t: TaskBody) =>
            t.assigneeOrganizationId === s.provider.organizationId &&
            ['todo', 'in_progress'].includes(t.state),
        ),
      ).toBe(true);
      const byUser = await stack
        .http()
        .get(tasksPath())
        .query({ assigneeUserId: colleague.userId })
        .set(bearer(s.manager))
        .expect(200);
      expect(byUser.body.items.every((t: TaskBody) => t.assigneeUserId === colleague.userId)).toBe(true);
      const cancelled = await stack
        .http()
        .get(tasksPath())
        .query({ state: 'cancelled' })
        .set(bearer(s.manager))
        .expect(200);
      expect(cancelled.body.items.map((t: { title: string }) => t.title)).toEqual(['Enrol the first cohort']);
    });

    it('GET /me/tasks: my and my organisations’ open tasks, overdue first, then by due date', async () => {
      const all: TaskBody[] = [];
      let cursor: string | undefined;
      let total: number | undefined;
      do {
        const page = await stack
          .http()
          .get('/me/tasks')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .set(bearer(colleague))
          .expect(200);
        if (!cursor) total = page.body.total;
        all.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      // The first page's total counts the whole list, not what one page's walk looked at (at most
      // limit + 1 per assignee: 4 here, with a page of one).
      expect(all.length).toBeGreaterThan(4);
      expect(total).toBe(all.length);
      const pageOfOne = await stack
        .http()
        .get('/me/tasks')
        .query({ limit: 1 })
        .set(bearer(colleague))
        .expect(200);
      expect(pageOfOne.body.total).toBe(all.length);
      const expected = await stack.query<{ id: string }>(
        `SELECT id FROM tasks WHERE assignee_organization_id = $1 AND state IN ('todo', 'in_progress', 'blocked')`,
        [s.implementer.organizationId],
      );
      expect(all.map((t) => t.id).sort()).toEqual(expected.map((r) => r.id).sort());
      expect(all[0].overdue).toBe(true);
      const dates = all.map((t) => t.dueDate ?? '9999-12-31');
      expect([...dates].sort()).toEqual(dates);
      const overdueOnly = await stack
        .http()
        .get('/me/tasks')
        .query({ overdue: 'true' })
        .set(bearer(colleague))
        .expect(200);
      expect(overdueOnly.body.items.every((t: TaskBody) => t.overdue)).toBe(true);
      // The observer's organisation has no tasks; the provider sees only its own.
      expect((await stack.http().get('/me/tasks').set(bearer(observer)).expect(200)).body.items).toEqual([]);
      const providers = await stack.http().get('/me/tasks').set(bearer(provider)).expect(200);
      expect(
        providers.body.items.every((t: TaskBody) => t.assigneeOrganizationId === s.provider.organizationId),
      ).toBe(true);
    });
  });

  describe('reminders', () => {
    const jobNames = () => jobNamesIn(redis);
    const delayed = () => redis.zrange('bull:reminders:delayed', 0, -1);
    /** The reminder columns of a task: when each is due and whether it was sent (the sweep's rows). */
    const reminderRow = async (id: string) => {
      const [row] = await stack.query<{
        due_soon_at: Date | null;
        due_soon_sent_at: Date | null;
        overdue_at: Date | null;
        overdue_sent_at: Date | null;
      }>(`SELECT due_soon_at, due_soon_sent_at, overdue_at, overdue_sent_at FROM tasks WHERE id = $1`, [id]);
      return row;
    };
    /** The end of a due date (UTC), less `hours`. */
    const endOf = (date: string, hours = 0) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + (24 - hours) * 3_600_000);

    it('a task due tomorrow is "due soon" at once (72 h lead), exactly once', async () => {
      const task = await createTask({
        title: 'Confirm the caterer',
        dueDate: day(1),
        assigneeUserId: implementer.userId,
      });
      const due = await waitForNotification(stack, implementer, 'task.due_soon', task.id);
      expect(due).toHaveLength(1);
      // The date reads as words in the reader's language, never as an ISO string.
      const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${day(1)}T00:00:00Z`),
      );
      expect((due[0] as unknown as { title: string }).title).toContain(longDate);
      // Another change leaves the reminders as they are (nothing sent again) ...
      await move(task.id, implementer, 'in_progress').expect(200);
      await waitForNotification(stack, s.manager, 'task.state_changed', task.id);
      // ... and the overdue reminder waits for the end of tomorrow, as a date on the row.
      const row = await reminderRow(task.id);
      expect(row.overdue_at).toEqual(endOf(day(1)));
      expect(row.overdue_sent_at).toBeNull();
      expect(row.due_soon_sent_at).not.toBeNull();
      await sleep(2000);
      const rows = await stack.query(
        `SELECT user_id FROM notifications WHERE type = 'task.due_soon' AND subject_id = $1`,
        [task.id],
      );
      expect(rows).toEqual([{ user_id: implementer.userId }]);
    });

    it('a task past its due date is overdue at once, to the whole assignee organisation', async () => {
      const task = await createTask({ title: 'Submit the interim report', dueDate: day(-2) });
      expect(task.overdue).toBe(true);
      for (const who of [implementer, colleague])
        expect(await waitForNotification(stack, who, 'task.overdue', task.id)).toHaveLength(1);
      expect(await notificationsOf(implementer, 'task.due_soon', task.id)).toEqual([]);
    });

    it('a changed due date moves the reminder', async () => {
      const task = await createTask({
        title: 'Book the bus',
        dueDate: day(20),
        assigneeUserId: colleague.userId,
      });
      expect(await reminderRow(task.id)).toMatchObject({
        due_soon_at: endOf(day(20), 72),
        due_soon_sent_at: null,
      });
      await patch(task.id, s.manager, { dueDate: day(1) }).then((r) => expect(r.status).toBe(200));
      expect(await waitForNotification(stack, colleague, 'task.due_soon', task.id)).toHaveLength(1);
      // The old date's reminder is gone, not merely ignored: the row holds the new date's.
      expect(await reminderRow(task.id)).toMatchObject({
        due_soon_at: endOf(day(1), 72),
        overdue_at: endOf(day(1)),
      });
      const [sent] = await stack.query<{ dedupe_key: string }>(
        `SELECT dedupe_key FROM notifications WHERE type = 'task.due_soon' AND subject_id = $1`,
        [task.id],
      );
      expect(sent.dedupe_key).toBe(`task-due:${task.id}:${day(1)}`);
    });

    it('a task moved months away, or finished, gets no reminder', async () => {
      // With the worker down, both changes are made before it comes back, as after an outage.
      await stack.killWorker();
      const movedAway = await createTask({
        title: 'Renew the insurance',
        dueDate: day(1),
        assigneeUserId: implementer.userId,
      });
      await patch(movedAway.id, s.manager, { dueDate: day(150) }).then((r) => expect(r.status).toBe(200));
      const finished = await createTask({
        title: 'Send the invitations',
        dueDate: day(1),
        assigneeUserId: implementer.userId,
      });
      await move(finished.id, implementer, 'in_progress').expect(200);
      await move(finished.id, implementer, 'done').expect(200);
      await stack.startWorker();
      // A control task created after them proves the worker has caught up.
      const control = await createTask({
        title: 'Control',
        dueDate: day(1),
        assigneeUserId: implementer.userId,
      });
      await waitForNotification(stack, implementer, 'task.due_soon', control.id);
      expect(await reminderRow(movedAway.id)).toMatchObject({
        due_soon_at: endOf(day(150), 72),
        due_soon_sent_at: null,
      });
      expect(await reminderRow(finished.id)).toMatchObject({ due_soon_at: null, overdue_at: null });
      await sleep(1500);
      const rows = await stack.query(
        `SELECT type, subject_id FROM notifications WHERE type IN ('task.due_soon', 'task.overdue') AND subject_id = ANY($1::uuid[])`,
        [[movedAway.id, finished.id]],
      );
      expect(rows).toEqual([]);
      const pending = await delayed();
      expect(pending.filter((id) => id.includes(finished.id) || id.includes(movedAway.id))).toEqual([]);
    });

    const i = (t: TaskBody) => t.dueDate === day(1);
    it('20 dated tasks add no job per task to Redis: their reminders are rows, found by the sweep', async () => {
      const before = await jobNames();
      const delayedBefore = await delayedJobIds(redis, 'reminders');
      const created: TaskBody[] = [];
      for (let i = 0; i < 20; i++)
        created.push(await createTask({ title: `Dated ${i}`, dueDate: day(i % 2 ? 1 : -1) }));
      for (const t of created)
        await waitForNotification(stack, implementer, i(t) ? 'task.due_soon' : 'task.overdue', t.id);
      // Per task only its events' jobs (assignment and reminder fan-outs, their e-mail batches); no
      // scheduling or delayed reminder job; the sweep's own runs do not count.
      const perTask = ['task.reminders', 'task.due-soon', 'task.overdue'];
      const after = await jobNames();
      expect(after.filter((n) => perTask.includes(n))).toEqual([]);
      const fanOuts = (names: string[]) => names.filter((n) => n === 'notification.fan-out').length;
      expect(fanOuts(after) - fanOuts(before)).toBe(40);
      expect(await delayedJobIds(redis, 'reminders')).toEqual(delayedBefore);
    });
  });
});
