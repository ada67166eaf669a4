import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import {
  auditOf,
  bearer,
  createOrganization,
  expectProblem,
  login,
  loginAdmin,
  onboardUser,
  PASSWORD,
  Session,
} from './support/fixtures';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

describe('auth: sign-in, tokens, sessions', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let admin: Session;
  let member: Session;
  let orgId: string;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({
      smtp,
      // TRUST_PROXY: the suite plays clients at other addresses with X-Forwarded-For.
      env: { LOGIN_MAX_FAILURES: '5', LOGIN_RATE_LIMIT: '30', TRUST_PROXY: 'loopback' },
    }).start();
    admin = await loginAdmin(stack);
    const org = await createOrganization(stack, admin, 'civil_society', 'Auth Test Centre');
    orgId = org;
    member = await onboardUser(stack, smtp, admin, org, 'member@auth.test', 'member');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('signs in and tells who I am', async () => {
    const res = await stack
      .http()
      .post('/auth/login')
      .send({ email: 'MEMBER@auth.test', password: PASSWORD })
      .expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    const me = await stack
      .http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body.user.email).toBe('member@auth.test');
    expect(me.body.platformRole).toBe('user');
    expect(me.body.memberships).toEqual([
      expect.objectContaining({
        organizationName: 'Auth Test Centre',
        organizationKind: 'civil_society',
        role: 'member',
      }),
    ]);
    const adminMe = await stack.http().get('/auth/me').set(bearer(admin)).expect(200);
    expect(adminMe.body.platformRole).toBe('admin');
  });

  it('a wrong password is a 401 problem, an invalid body a 400 naming each field', async () => {
    const wrong = await stack
      .http()
      .post('/auth/login')
      .send({ email: 'member@auth.test', password: 'not-the-password' });
    expectProblem(wrong, 401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const invalid = await stack.http().post('/auth/login').send({ email: 'not-an-email', extra: true });
    expectProblem(invalid, 400);
    const fields = invalid.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const s = await login(stack, 'member@auth.test', PASSWORD);
    const first = await stack.http().post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(s.refreshToken);
    const second = await stack
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);
    await stack.http().get('/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

    // The first token again: it was stolen, so the family (session) ends.
    const reuse = await stack.http().post('/auth/refresh').send({ refreshToken: s.refreshToken });
    expectProblem(reuse, 401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    await stack.http().post('/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await stack.http().get('/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
    // Other sessions of the same user are untouched.
    await stack.http().get('/auth/me').set(bearer(member)).expect(200);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const s = await login(stack, 'member@auth.test', PASSWORD);
    await stack.http().post('/auth/logout').set(bearer(s)).expect(204);
    await stack.http().get('/auth/me').set(bearer(s)).expect(401);
    await stack.http().post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    const rows = await stack.query<{ revoked_reason: string }>(
      `SELECT revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND revoked_reason = 'logout'`,
      ['member@auth.test'],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses expired, tampered and alg:none tokens, and requests without a token', async () => {
    const secret = stack.env.JWT_ACCESS_SECRET;
    const claims = JSON.parse(Buffer.from(member.token.split('.')[1], 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const expired = sign({ sub: claims.sub, sid: claims.sid }, secret, {
      algorithm: 'HS256',
      expiresIn: -10,
    });
    const [h, , sig] = member.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: admin.userId })).toString('base64url');
    const tampered = `${h}.${forged}.${sig}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;
    for (const token of [expired, tampered, none, 'garbage']) {
      const res = await stack.http().get('/auth/me').set('Authorization', `Bearer ${token}`);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    expectProblem(await stack.http().get('/auth/me'), 401);
  });

  it('repeated bad sign-ins are throttled (429) and lock the account for a while', async () => {
    const s = await onboardUser(
      stack,
      smtp,
      admin,
      (
        await stack.query<{ organization_id: string }>(
          `SELECT organization_id FROM memberships WHERE user_id = $1`,
          [member.userId],
        )
      )[0].organization_id,
      'target@auth.test',
      'member',
    );
    expect(s.token).toEqual(expect.any(String));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await stack
            .http()
            .post('/auth/login')
            .send({ email: 'target@auth.test', password: 'wrong-password-123' })
        ).status,
      );
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429, 429]);
    // Locked: even the right password waits, and says for how long.
    const locked = await stack
      .http()
      .post('/auth/login')
      .send({ email: 'target@auth.test', password: PASSWORD });
    expectProblem(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Changed with issue 14: an e-mail without an account answers exactly like one with an account
    // (same statuses, same bodies), so neither the lock nor its absence reveals which exist.
    const unknown: { status: number; code: string; detail: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await stack
        .http()
        .post('/auth/login')
        .send({ email: 'never-registered@auth.test', password: 'wrong-password-123' });
      unknown.push({ status: res.status, code: res.body.code, detail: res.body.detail.replace(/\d+/g, 'N') });
    }
    expect(unknown.map((u) => u.status)).toEqual(statuses);
    expect({ code: locked.body.code, detail: locked.body.detail.replace(/\d+/g, 'N') }).toEqual({
      code: unknown[6].code,
      detail: unknown[6].detail,
    });
    // The lock is per account-and-source: from another client address the account still signs in.
    const elsewhere = await stack
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', '203.0.113.7')
      .send({ email: 'target@auth.test', password: PASSWORD });
    expect(elsewhere.status).toBe(200);
  });

  it('leaves an audit row for each session opened and closed', async () => {
    const rows = await stack.query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_events WHERE entity_type = 'session' AND actor_user_id = $1`,
      [member.userId],
    );
    expect(rows.filter((r) => r.action === 'create').length).toBeGreaterThanOrEqual(3);
    const revoked = rows.find((r) => r.action === 'update');
    expect(revoked).toBeDefined();
    expect((await auditOf(stack, 'session', revoked!.entity_id)).map((r) => r.action)).toEqual([
      'create',
      'update',
    ]);
  });

  describe('two api replicas with session caches (SESSION_CACHE_TTL_MS, evictions over Redis)', () => {
    let replicaA: () => request.Agent;
    let replicaB: () => request.Agent;
    const sessionIdOf = (s: Session) =>
      (JSON.parse(Buffer.from(s.token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
    const meOn = (replica: () => request.Agent, s: Session) => replica().get('/auth/me').set(bearer(s));
    /** Both replicas have read the session, and answer from memory: proved by revoking it behind their back. */
    const warmAndProveCached = async (s: Session) => {
      for (const replica of [replicaA, replicaB]) await meOn(replica, s).expect(200);
      const sid = sessionIdOf(s);
      await stack.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sid]);
      await meOn(replicaB, s).expect(200); // a cache hit: the database says revoked
      await stack.query(`UPDATE sessions SET revoked_at = NULL WHERE id = $1`, [sid]);
    };

    beforeAll(async () => {
      replicaA = () => stack.http() as unknown as request.Agent;
      const b = await stack.startApiReplica();
      replicaB = () => request(b) as unknown as request.Agent;
    });

    it('logout on replica A: replica B answers 401 on the very next request', async () => {
      const s = await login(stack, 'member@auth.test', PASSWORD);
      await warmAndProveCached(s);
      await replicaA().post('/auth/logout').set(bearer(s)).expect(204);
      expectProblem(await meOn(replicaB, s), 401);
      expectProblem(await meOn(replicaA, s), 401);
    });

    it('refresh-token reuse detected on replica A: the session stops on replica B at once', async () => {
      const s = await login(stack, 'member@auth.test', PASSWORD);
      const rotated = await replicaB()
        .post('/auth/refresh')
        .send({ refreshToken: s.refreshToken })
        .expect(200);
      const current: Session = {
        ...s,
        token: rotated.body.accessToken,
        refreshToken: rotated.body.refreshToken,
      };
      await warmAndProveCached(current);
      const reuse = await replicaA().post('/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      expectProblem(await meOn(replicaB, current), 401);
    });

    it('removing a member on replica A: replica B stops treating them as a member at once (404, not a cached 200)', async () => {
      const person = await onboardUser(stack, smtp, admin, orgId, 'leaving@auth.test', 'member');
      const members = (replica: () => request.Agent) =>
        replica().get(`/organizations/${orgId}/members`).set(bearer(person));
      await members(replicaA).expect(200);
      await members(replicaB).expect(200);
      await replicaA()
        .delete(`/organizations/${orgId}/members/${person.userId}`)
        .set(bearer(admin))
        .expect(204);
      expectProblem(await members(replicaB), 404);
      // The session itself is still good: only what the person is has changed.
      await meOn(replicaB, person).expect(200);
    });

    it('Redis away: the replicas stop trusting their caches and read PostgreSQL (a revoked session is refused)', async () => {
      const s = await login(stack, 'member@auth.test', PASSWORD);
      await warmAndProveCached(s);
      await stack.redis.stop();
      try {
        // Revoked behind the replicas' back, with no eviction able to reach them.
        await stack.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sessionIdOf(s)]);
        expectProblem(await meOn(replicaB, s), 401);
        expectProblem(await meOn(replicaA, s), 401);
        await meOn(replicaB, member).expect(200); // live sessions still work, from the database
      } finally {
        await stack.redis.start();
      }
    });
  });
});
