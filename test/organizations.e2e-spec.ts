import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  bearer,
  createOrganization,
  expectProblem,
  loginAdmin,
  onboardUser,
  Session,
} from './support/fixtures';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

describe('organisations, members, invitations, audit', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let admin: Session;
  let cityId: string;
  let employerId: string;
  let officer: Session; // org admin of the city
  let clerk: Session; // plain member of the city
  let hr: Session; // org admin of the employer (an outsider to the city)

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    admin = await loginAdmin(stack);
    cityId = await createOrganization(stack, admin, 'government', 'City of Testville');
    employerId = await createOrganization(stack, admin, 'employer', 'Testville Foods');
    officer = await onboardUser(stack, smtp, admin, cityId, 'officer@testville.test', 'org_admin');
    clerk = await onboardUser(stack, smtp, officer, cityId, 'clerk@testville.test', 'member');
    hr = await onboardUser(stack, smtp, admin, employerId, 'hr@foods.test', 'org_admin');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  describe('creating organisations', () => {
    it('the platform admin creates one of each kind, each with its own profile', async () => {
      const res = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'migrant_association',
          name: 'Afghan Community Testville',
          country: 'pt',
          city: 'Testville',
          contactEmail: 'Hello@Afghan.example',
          website: 'https://afghan.example',
          profile: { communities: ['af'], languages: ['ps', 'FA'] },
        });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        kind: 'migrant_association',
        country: 'PT',
        contactEmail: 'hello@afghan.example',
        profile: { communities: ['AF'], languages: ['ps', 'fa'] },
      });
      const cso = await createOrganization(stack, admin, 'civil_society', 'Testville Legal Aid');
      const got = await stack.http().get(`/organizations/${cso}`).set(bearer(admin)).expect(200);
      expect(got.body.profile).toEqual({ services: ['legal_aid'] });
      const audit = await auditOf(stack, 'organization', res.body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'create',
        actor_user_id: admin.userId,
        request_id: expect.any(String),
      });
      expect(audit[0].changes).toMatchObject({ name: { after: 'Afghan Community Testville' } });
    });

    it('a profile that does not fit its kind is a 400 naming the field', async () => {
      const res = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'employer',
          name: 'Wrong Profile Ltd',
          country: 'PT',
          city: 'Testville',
          contactEmail: 'a@b.example',
          profile: { sector: 'C', sizeBand: 'small', level: 'national' },
        });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([
        { field: 'profile.level', message: expect.stringContaining('not an allowed field') },
      ]);
      const bad = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'government',
          name: 'Bad Gov',
          country: 'XX',
          city: 'Testville',
          contactEmail: 'nope',
          profile: { level: 'galactic' },
        });
      expectProblem(bad, 400);
      expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'contactEmail',
        'country',
      ]);
      const badProfile = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'government',
          name: 'Bad Gov',
          country: 'PT',
          city: 'Testville',
          contactEmail: 'a@b.example',
          profile: { level: 'galactic' },
        });
      expect([...new Set(badProfile.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'profile.jurisdiction',
        'profile.level',
      ]);
      const count = await stack.query(
        `SELECT 1 FROM organizations WHERE name IN ('Wrong Profile Ltd', 'Bad Gov')`,
      );
      expect(count).toHaveLength(0);
    });

    it('rejects unknown fields, malformed JSON, and anyone but a platform admin', async () => {
      const unknown = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'employer',
          name: 'X Co',
          country: 'PT',
          city: 'T',
          contactEmail: 'x@x.example',
          profile: { sector: 'C', sizeBand: 'small' },
          isVip: true,
        });
      expectProblem(unknown, 400);
      expect(unknown.body.errors).toEqual([{ field: 'isVip', message: 'isVip is not an allowed field' }]);
      const malformed = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send('{"kind": "employer",');
      expectProblem(malformed, 400);
      expect(malformed.body.code).toBe('MALFORMED_REQUEST');
      const notAdmin = await stack
        .http()
        .post('/organizations')
        .set(bearer(officer))
        .send({
          kind: 'employer',
          name: 'Y Co',
          country: 'PT',
          city: 'T',
          contactEmail: 'y@y.example',
          profile: { sector: 'C', sizeBand: 'small' },
        });
      expectProblem(notAdmin, 403);
    });

    it('a duplicate name in the same country is a 409', async () => {
      const res = await stack
        .http()
        .post('/organizations')
        .set(bearer(admin))
        .send({
          kind: 'employer',
          name: 'testville foods',
          country: 'PT',
          city: 'Elsewhere',
          contactEmail: 'z@z.example',
          profile: { sector: 'C', sizeBand: 'small' },
        });
      expectProblem(res, 409);
      expect(res.body.code).toBe('ORGANIZATION_EXISTS');
    });
  });

  describe('reading', () => {
    it('lists the directory with filters and keyset pages', async () => {
      const gov = await stack
        .http()
        .get('/organizations')
        .query({ kind: 'government', level: 'municipal' })
        .set(bearer(hr))
        .expect(200);
      expect(gov.body.items.map((o: { name: string }) => o.name)).toEqual(['City of Testville']);
      expect(gov.body.items[0]).not.toHaveProperty('contactEmail');
      const text = await stack
        .http()
        .get('/organizations')
        .query({ text: 'FOODS' })
        .set(bearer(hr))
        .expect(200);
      expect(text.body.items.map((o: { name: string }) => o.name)).toEqual(['Testville Foods']);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stack
          .http()
          .get('/organizations')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(admin))
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((o: { name: string }) => o.name));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expectProblem(
        await stack.http().get('/organizations').query({ limit: 0, level: 'galactic' }).set(bearer(admin)),
        400,
      );
      expectProblem(
        await stack.http().get('/organizations').query({ cursor: 'bm90LWEtY3Vyc29y' }).set(bearer(admin)),
        400,
      );
    });

    it('an organisation in full is for its members and platform admins; others get 404', async () => {
      const own = await stack.http().get(`/organizations/${cityId}`).set(bearer(clerk)).expect(200);
      expect(own.headers.etag).toMatch(/^"\d+"$/);
      expect(own.body.contactEmail).toEqual(expect.any(String));
      expectProblem(await stack.http().get(`/organizations/${cityId}`).set(bearer(hr)), 404);
      expectProblem(
        await stack.http().get('/organizations/3f1c8f0e-7a59-4f3e-9d6f-1a2b3c4d5e6f').set(bearer(admin)),
        404,
      );
      const malformed = await stack.http().get('/organizations/not-a-uuid').set(bearer(admin));
      expectProblem(malformed, 400);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    });
  });

  describe('editing', () => {
    it('needs If-Match; a stale version is a 412; org admins only', async () => {
      const read = await stack.http().get(`/organizations/${cityId}`).set(bearer(officer)).expect(200);
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}`)
          .set(bearer(officer))
          .send({ city: 'Testville Nova' }),
        428,
      );
      const ok = await stack
        .http()
        .patch(`/organizations/${cityId}`)
        .set(bearer(officer))
        .set('If-Match', read.headers.etag)
        .send({ city: 'Testville Nova', profile: { jurisdiction: 'Greater Testville' } })
        .expect(200);
      expect(ok.body).toMatchObject({
        city: 'Testville Nova',
        profile: { level: 'municipal', jurisdiction: 'Greater Testville' },
      });
      expect(ok.headers.etag).not.toBe(read.headers.etag);
      // A second editor still holding the old ETag loses nothing silently.
      const stale = await stack
        .http()
        .patch(`/organizations/${cityId}`)
        .set(bearer(admin))
        .set('If-Match', read.headers.etag)
        .send({ city: 'Overwritten' });
      expectProblem(stale, 412);
      expect((await stack.http().get(`/organizations/${cityId}`).set(bearer(admin))).body.city).toBe(
        'Testville Nova',
      );
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}`)
          .set(bearer(clerk))
          .set('If-Match', ok.headers.etag)
          .send({ city: 'Mine' }),
        403,
      );
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}`)
          .set(bearer(hr))
          .set('If-Match', ok.headers.etag)
          .send({ city: 'Mine' }),
        404,
      );
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}`)
          .set(bearer(officer))
          .set('If-Match', ok.headers.etag)
          .send({ kind: 'employer' }),
        400,
      );
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}`)
          .set(bearer(officer))
          .set('If-Match', ok.headers.etag)
          .send({ profile: { sector: 'C' } }),
        400,
      );
      const audit = await auditOf(stack, 'organization', cityId);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].changes).toEqual({
        city: { before: 'Riverton', after: 'Testville Nova' },
        profile: expect.objectContaining({
          // territoryCode and policyAreas (issue 19) are part of a government's profile, unset here.
          after: {
            level: 'municipal',
            jurisdiction: 'Greater Testville',
            territoryCode: null,
            policyAreas: [],
          },
        }),
      });
      expect(audit[1].actor_user_id).toBe(officer.userId);
    });
  });

  describe('members and invitations', () => {
    it('members list their organisation; outsiders get 404', async () => {
      const list = await stack.http().get(`/organizations/${cityId}/members`).set(bearer(clerk)).expect(200);
      expect(list.body.items.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
        ['officer@testville.test', 'org_admin'],
        ['clerk@testville.test', 'member'],
      ]);
      expectProblem(await stack.http().get(`/organizations/${cityId}/members`).set(bearer(hr)), 404);
    });

    it('an org admin invites into their own organisation only; a plain member cannot invite', async () => {
      const ok = await stack
        .http()
        .post(`/organizations/${cityId}/invitations`)
        .set(bearer(officer))
        .send({ email: 'New.Person@testville.test', role: 'member', language: 'fr' });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        email: 'new.person@testville.test',
        role: 'member',
        status: 'pending',
        organizationId: cityId,
      });
      expect((await auditOf(stack, 'invitation', ok.body.id)).map((a) => a.action)).toEqual(['create']);
      expectProblem(
        await stack
          .http()
          .post(`/organizations/${employerId}/invitations`)
          .set(bearer(officer))
          .send({ email: 'x@foods.test', role: 'member' }),
        404,
      );
      expectProblem(
        await stack
          .http()
          .post(`/organizations/${cityId}/invitations`)
          .set(bearer(clerk))
          .send({ email: 'y@testville.test', role: 'member' }),
        403,
      );
      const bad = await stack
        .http()
        .post(`/organizations/${cityId}/invitations`)
        .set(bearer(officer))
        .send({ email: 'nope', role: 'owner' });
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'role']);
      const member = await stack
        .http()
        .post(`/organizations/${cityId}/invitations`)
        .set(bearer(officer))
        .send({ email: 'clerk@testville.test', role: 'member' });
      expectProblem(member, 409);
    });

    it("org admins change a member's role and remove members, but never the last org admin", async () => {
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}/members/${clerk.userId}`)
          .set(bearer(clerk))
          .send({ role: 'org_admin' }),
        403,
      );
      expectProblem(
        await stack
          .http()
          .patch(`/organizations/${cityId}/members/${officer.userId}`)
          .set(bearer(officer))
          .send({ role: 'member' }),
        409,
      );
      const promoted = await stack
        .http()
        .patch(`/organizations/${cityId}/members/${clerk.userId}`)
        .set(bearer(officer))
        .send({ role: 'org_admin' })
        .expect(200);
      expect(promoted.body.role).toBe('org_admin');
      await stack
        .http()
        .patch(`/organizations/${cityId}/members/${clerk.userId}`)
        .set(bearer(officer))
        .send({ role: 'member' })
        .expect(200);
      expectProblem(
        await stack.http().delete(`/organizations/${cityId}/members/${officer.userId}`).set(bearer(officer)),
        409,
      );
      expectProblem(
        await stack.http().delete(`/organizations/${cityId}/members/${clerk.userId}`).set(bearer(hr)),
        404,
      );
      await stack
        .http()
        .delete(`/organizations/${cityId}/members/${clerk.userId}`)
        .set(bearer(officer))
        .expect(204);
      expectProblem(await stack.http().get(`/organizations/${cityId}`).set(bearer(clerk)), 404);
      const rows = await stack.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_type = 'membership' AND actor_user_id = $1 ORDER BY occurred_at`,
        [officer.userId],
      );
      // Their own membership (accepting the invitation), then the two role changes and the removal.
      expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update', 'delete']);
    });
  });

  describe('audit trail', () => {
    it('is for platform admins, filterable by entity, actor and time', async () => {
      expectProblem(await stack.http().get('/audit-events').set(bearer(officer)), 403);
      const byEntity = await stack
        .http()
        .get('/audit-events')
        .query({ entityType: 'organization', entityId: cityId })
        .set(bearer(admin))
        .expect(200);
      expect(byEntity.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
      const byActor = await stack
        .http()
        .get('/audit-events')
        .query({ actorId: officer.userId, limit: 100 })
        .set(bearer(admin))
        .expect(200);
      expect(byActor.body.items.length).toBeGreaterThan(0);
      expect(byActor.body.items.every((e: { actorUserId: string }) => e.actorUserId === officer.userId)).toBe(
        true,
      );
      // Each row names who acted, and the first page counts the whole filtered list.
      const officerName = (
        await stack.query<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [officer.userId])
      )[0].name;
      expect(new Set(byActor.body.items.map((e: { actorName: string }) => e.actorName))).toEqual(
        new Set([officerName]),
      );
      expect(byActor.body.total).toBe(byActor.body.items.length);
      const future = await stack
        .http()
        .get('/audit-events')
        .query({ from: new Date(Date.now() + 3600_000).toISOString() })
        .set(bearer(admin))
        .expect(200);
      expect(future.body.items).toEqual([]);
      expectProblem(
        await stack.http().get('/audit-events').query({ from: 'yesterday' }).set(bearer(admin)),
        400,
      );
    });

    it('every write left its audit row', async () => {
      const orphans = await stack.query(`
        SELECT 'organization' AS t, o.id::text FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'organization' AND a.entity_id = o.id::text AND a.action = 'create')
        UNION ALL SELECT 'user', u.id::text FROM users u WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'user' AND a.entity_id = u.id::text AND a.action = 'create')
        UNION ALL SELECT 'membership', m.id::text FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'membership' AND a.entity_id = m.id::text AND a.action = 'create')
        UNION ALL SELECT 'invitation', i.id::text FROM invitations i WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'invitation' AND a.entity_id = i.id::text AND a.action = 'create')
        UNION ALL SELECT 'invitation accepted', i.id::text FROM invitations i WHERE i.accepted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'invitation' AND a.entity_id = i.id::text AND a.action = 'update')`);
      expect(orphans).toEqual([]);
      await expect(stack.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    });
  });

  describe('platform', () => {
    it('health, OpenAPI and metrics', async () => {
      const ready = await stack.http().get('/health/ready').expect(200);
      expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
      const docs = await stack.http().get('/docs-json').expect(200);
      expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/auth/login',
          '/auth/refresh',
          '/auth/logout',
          '/auth/me',
          '/organizations',
          '/organizations/{id}',
          '/organizations/{id}/members',
          '/organizations/{id}/invitations',
          '/invitations/{token}/accept',
          '/audit-events',
        ]),
      );
      expect(
        docs.body.paths['/organizations/{id}'].patch.responses['412'].content['application/problem+json'],
      ).toBeDefined();
      // Metrics live on their own port (METRICS_PORT, loopback), not on the public one.
      expect((await stack.http().get('/metrics')).status).toBe(404);
      const metrics = await stack.metrics().get('/metrics').expect(200);
      expect(metrics.text).toMatch(
        /tandem_http_requests_total\{method="GET",route="\/organizations\/:id",status="200"\} \d+/,
      );
      expect(metrics.text).toMatch(/tandem_http_request_duration_seconds_bucket\{/);
      expect(metrics.text).toMatch(/tandem_queue_jobs\{queue="email",state="waiting"\} \d+/);
      expect(metrics.text).toMatch(/tandem_job_outcomes_total\{queue="email",outcome="completed"\} [1-9]/);
      expect((await stack.http().get('/nowhere').set(bearer(admin))).headers['content-type']).toMatch(
        /problem\+json/,
      );
    });
  });
});
