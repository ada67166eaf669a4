import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { bearer, createOrganization, expectProblem, PASSWORD, Session } from './support/fixtures';
import { ProgrammeSetup, setupProgramme } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface TaskItem {
  id: string;
  title: string;
  state: string;
}

/**
 * The api replicas' cache of rendered reads (READ_CACHE_TTL_MS): `GET /me/tasks` and
 * `GET /programmes/{id}/dashboard` answered from memory, and never stale after a write, whoever
 * writes (a request on another replica, the worker or plain SQL), or after the replica's LISTEN
 * connection to PostgreSQL dropped.
 */
describe('read cache: two api replicas on one PostgreSQL and Redis', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;
  let implementer: Session;
  let replicaA: () => request.Agent;
  let replicaB: () => request.Agent;
  let taskId: string;

  const myTasks = (replica: () => request.Agent, who: Session = implementer) =>
    replica().get('/me/tasks').set(bearer(who));
  const dashboard = (replica: () => request.Agent, who: Session = s.manager) =>
    replica().get(`/programmes/${s.programmeId}/dashboard`).set(bearer(who));
  const titles = async (replica: () => request.Agent) =>
    ((await myTasks(replica).expect(200)).body.items as TaskItem[]).map((t) => t.title).sort();

  /**
   * Renames the task without waking the change triggers (session_replication_role = replica skips
   * ordinary triggers): what a cache that missed a change would still show.
   */
  const renameSilently = (id: string, title: string) =>
    stack.query(
      `BEGIN; SET LOCAL session_replication_role = replica;
       UPDATE tasks SET title = '${title}' WHERE id = '${id}'; COMMIT;`,
    );

  const createTask = async (replica: () => request.Agent, title: string): Promise<TaskItem> => {
    const res = await replica()
      .post(`/programmes/${s.programmeId}/tasks`)
      .set(bearer(s.manager))
      .send({ title, assigneeOrganizationId: s.implementer.organizationId });
    expect([res.status, res.body]).toEqual([201, expect.anything()]);
    return res.body as TaskItem;
  };

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    s = await setupProgramme(stack, smtp, 'Cache Bridge');
    implementer = s.implementer.session;
    replicaA = () => stack.http() as unknown as request.Agent;
    const b = await stack.startApiReplica();
    replicaB = () => request(b) as unknown as request.Agent;
    taskId = (await createTask(replicaA, 'Book the venue')).id;
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('a replica answers a repeated read from memory, byte for byte and with the same headers', async () => {
    const first = await myTasks(replicaB).expect(200);
    await renameSilently(taskId, 'Changed behind the cache');
    const second = await myTasks(replicaB).expect(200);
    expect(second.text).toBe(first.text); // a cache hit: the database says otherwise
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect((first.body.items as TaskItem[]).map((t) => t.title)).toEqual(['Book the venue']);
    const dash = await dashboard(replicaB).expect(200);
    expect((await dashboard(replicaB).expect(200)).text).toBe(dash.text);
    await renameSilently(taskId, 'Book the venue');
  });

  it('signing in and refreshing on replica A leave the cached reads of both replicas in place', async () => {
    const cachedB = await myTasks(replicaB).expect(200);
    const cachedA = await myTasks(replicaA).expect(200);
    await renameSilently(taskId, 'Changed behind the cache');
    try {
      const signedIn = await replicaA()
        .post('/auth/login')
        .send({ email: implementer.email, password: PASSWORD })
        .expect(200);
      await replicaA().post('/auth/refresh').send({ refreshToken: signedIn.body.refreshToken }).expect(200);
      // Still hits (the database says otherwise): neither write dropped a replica's entries.
      expect((await myTasks(replicaB).expect(200)).text).toBe(cachedB.text);
      expect((await myTasks(replicaA).expect(200)).text).toBe(cachedA.text);
      // Any other write still does, at once, on both: here one that touches no cached read either.
      const prefs = (
        await replicaA().get('/me/notification-preferences').set(bearer(implementer)).expect(200)
      ).body as { language: string; timeZone: string; email: unknown };
      await replicaA()
        .put('/me/notification-preferences')
        .set(bearer(implementer))
        .send({ language: prefs.language, timeZone: 'Europe/Helsinki', email: prefs.email })
        .expect(200);
      expect(await titles(replicaB)).toEqual(['Changed behind the cache']);
    } finally {
      await renameSilently(taskId, 'Book the venue');
    }
  });

  it('a write through replica A is seen by replica B on its very next read (tasks and dashboard)', async () => {
    for (const replica of [replicaA, replicaB]) {
      await myTasks(replica).expect(200);
      await dashboard(replica).expect(200);
    }
    const before = (await dashboard(replicaB).expect(200)).body.tasksByState;
    const created = await createTask(replicaA, 'Print the leaflets');
    expect(await titles(replicaB)).toContain('Print the leaflets');
    const after = (await dashboard(replicaB).expect(200)).body.tasksByState;
    expect(after.todo).toBe(before.todo + 1);

    // A state change on A, then both reads on B at once.
    await titles(replicaB);
    await replicaA()
      .post(`/tasks/${created.id}/transitions`)
      .set(bearer(implementer))
      .send({ to: 'in_progress' })
      .expect(200);
    const mine = (await myTasks(replicaB).expect(200)).body.items as TaskItem[];
    expect(mine.find((t) => t.id === created.id)?.state).toBe('in_progress');
    expect((await dashboard(replicaB).expect(200)).body.tasksByState.in_progress).toBe(after.in_progress + 1);
  });

  it("a partner added through replica A is on replica B's dashboard at once", async () => {
    const partnersOn = async (replica: () => request.Agent) =>
      ((await dashboard(replica).expect(200)).body.partners as { organizationId: string }[]).map(
        (p) => p.organizationId,
      );
    const newcomer = await createOrganization(stack, s.admin, 'government', 'Riverton Job Centre');
    expect(await partnersOn(replicaB)).not.toContain(newcomer);
    await replicaA()
      .post(`/programmes/${s.programmeId}/partners`)
      .set(bearer(s.manager))
      .send({ organizationId: newcomer, role: 'observer' })
      .expect(201);
    expect(await partnersOn(replicaB)).toContain(newcomer);
  });

  it('a write made in SQL (as the worker does) reaches replica B within a short wait', async () => {
    await titles(replicaB);
    await titles(replicaB);
    await stack.query(`UPDATE tasks SET title = 'Renamed by the worker' WHERE id = $1`, [taskId]);
    const started = Date.now();
    let seen: string[] = [];
    while (Date.now() - started < 3000) {
      seen = await titles(replicaB);
      if (seen.includes('Renamed by the worker')) break;
      await sleep(25);
    }
    expect(seen).toContain('Renamed by the worker');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an outsider never gets a cached body of someone else: 404 on the dashboard, only their own tasks', async () => {
    for (const replica of [replicaA, replicaB]) {
      await dashboard(replica).expect(200);
      await myTasks(replica).expect(200);
      expectProblem(await dashboard(replica, s.outsider.session), 404);
      expectProblem(await dashboard(replica, s.outsider.session), 404);
      const theirs = await myTasks(replica, s.outsider.session).expect(200);
      expect(theirs.body.items).toEqual([]);
    }
  });

  it('after its LISTEN connection is killed, a replica reads PostgreSQL (and caches again once back)', async () => {
    const cached = await titles(replicaB);
    expect(cached).toContain('Renamed by the worker');
    const killed = await stack.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid, 5000) AS ok FROM pg_stat_activity
        WHERE application_name = 'tandem-read-cache-listen'`,
    );
    expect(killed.length).toBeGreaterThanOrEqual(2); // one per replica
    await renameSilently(taskId, 'Renamed while deaf');
    expect(await titles(replicaB)).toContain('Renamed while deaf');

    // Back (reconnected and listening): it caches again, which a silent rename shows.
    const started = Date.now();
    let cachingAgain = false;
    while (!cachingAgain && Date.now() - started < 15_000) {
      await sleep(200);
      await titles(replicaB);
      await renameSilently(taskId, 'Renamed silently');
      cachingAgain = (await titles(replicaB)).includes('Renamed while deaf');
      await renameSilently(taskId, 'Renamed while deaf');
    }
    expect(cachingAgain).toBe(true);
  });
});
