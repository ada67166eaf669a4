import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import IORedis from 'ioredis';
import { auditOf, bearer, expectProblem, onboardUser, PASSWORD, Session } from './support/fixtures';
import { delayedJobIds, jobNames } from './support/jobs';
import { ProgrammeSetup, setupProgramme, waitForNotification } from './support/programmes';
import { TestSmtpServer } from './support/smtp';
import { TestStack } from './support/stack';

const body = (leadOrganizationId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Housing First Riverton',
  leadOrganizationId,
  startDate: '2027-03-01',
  endDate: '2027-12-31',
  country: 'PT',
  city: 'Riverton',
  dimensions: ['housing'],
  ...extra,
});

describe('programmes: set-up, partners, managers, milestones, who may do what', () => {
  const smtp = new TestSmtpServer();
  let stack: TestStack;
  let s: ProgrammeSetup;

  beforeAll(async () => {
    await smtp.start();
    stack = await new TestStack({ smtp }).start();
    s = await setupProgramme(stack, smtp);
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp.stop();
  });

  it('the programme manager set it up with three partners who accepted; each sees it, the outsider does not', async () => {
    const p = await stack.http().get(`/programmes/${s.programmeId}`).set(bearer(s.manager)).expect(200);
    expect(p.body).toMatchObject({
      status: 'active',
      budget: { amount: '250000.00', currency: 'EUR' },
      dimensions: ['economic', 'linguistic'],
      gcmObjectives: [16, 18],
    });
    expect(p.headers.etag).toBe(`"${p.body.version}"`);
    const partners = await stack
      .http()
      .get(`/programmes/${s.programmeId}/partners`)
      .set(bearer(s.observer.session))
      .expect(200);
    expect(partners.body.map((x: { role: string; status: string }) => [x.role, x.status])).toEqual([
      ['lead', 'active'],
      ...[
        ['implementer', 'active'],
        ['service_provider', 'active'],
        ['observer', 'active'],
      ].sort(
        (a, b) =>
          partners.body.findIndex((x: { role: string }) => x.role === a[0]) -
          partners.body.findIndex((x: { role: string }) => x.role === b[0]),
      ),
    ]);
    const outsiderList = await stack.http().get('/programmes').set(bearer(s.outsider.session)).expect(200);
    expect(outsiderList.body.items).toEqual([]);
    const mine = await stack
      .http()
      .get('/programmes')
      .query({ dimension: 'economic', country: 'pt', text: 'jobs' })
      .set(bearer(s.implementer.session))
      .expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([s.programmeId]);
    const byPartner = await stack
      .http()
      .get('/programmes')
      .query({ partnerOrganizationId: s.observer.organizationId })
      .set(bearer(s.admin))
      .expect(200);
    expect(byPartner.body.items.map((x: { id: string }) => x.id)).toEqual([s.programmeId]);
    const none = await stack
      .http()
      .get('/programmes')
      .query({ status: 'draft' })
      .set(bearer(s.manager))
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it.each<[string, (x: ProgrammeSetup) => Session]>([
    ['the implementer', (x) => x.implementer.session],
    ['the service provider', (x) => x.provider.session],
    ['the observer', (x) => x.observer.session],
    ['a platform admin', (x) => x.admin],
  ])('%s reads the programme', async (_who, session) => {
    await stack
      .http()
      .get(`/programmes/${s.programmeId}`)
      .set(bearer(session(s)))
      .expect(200);
  });

  it.each(['', '/partners', '/managers', '/milestones'])(
    'the outsider gets 404 on /programmes/{id}%s',
    async (path) => {
      expectProblem(
        await stack.http().get(`/programmes/${s.programmeId}${path}`).set(bearer(s.outsider.session)),
        404,
      );
    },
  );

  it('partners and managers were notified through the worker', async () => {
    const invited = await waitForNotification(
      stack,
      s.observer.session,
      'programme.partner_invited',
      s.programmeId,
    );
    expect(invited).toHaveLength(1);
    const accepted = await waitForNotification(stack, s.manager, 'programme.partner_accepted', s.programmeId);
    expect(accepted.length).toBe(3);
  });

  it("an inbox is its owner's only: another user cannot read or mark someone else's notification", async () => {
    const [mine] = (await waitForNotification(
      stack,
      s.manager,
      'programme.partner_accepted',
      s.programmeId,
    )) as unknown as { id: string }[];
    expectProblem(
      await stack.http().post(`/notifications/${mine.id}/read`).set(bearer(s.outsider.session)),
      404,
    );
    const others = await stack.http().get('/notifications').set(bearer(s.outsider.session)).expect(200);
    expect(others.body.items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
    expectProblem(await stack.http().post('/notifications/not-a-uuid/read').set(bearer(s.manager)), 400);
    expectProblem(
      await stack.http().get('/notifications').query({ unread: 'maybe' }).set(bearer(s.manager)),
      400,
    );
    const before = (await stack.http().get('/notifications/unread-count').set(bearer(s.manager)).expect(200))
      .body.unread;
    await stack.http().post(`/notifications/${mine.id}/read`).set(bearer(s.manager)).expect(204);
    const after = (await stack.http().get('/notifications/unread-count').set(bearer(s.manager)).expect(200))
      .body.unread;
    expect(after).toBe(before - 1);
  });

  it('validates input and names each bad field', async () => {
    const bad = await stack
      .http()
      .post('/programmes')
      .set(bearer(s.manager))
      .send(
        body(s.leadOrganizationId, {
          gcmObjectives: [24],
          sdgTargets: ['99.1'],
          budget: { amount: '-5', currency: 'EURO' },
          dimensions: ['happiness'],
          colour: 'blue',
        }),
      );
    expectProblem(bad, 400);
    const fields = [...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort();
    expect(fields).toEqual([
      'budget.amount',
      'budget.currency',
      'colour',
      'dimensions',
      'gcmObjectives',
      'sdgTargets',
    ]);
    const dates = await stack
      .http()
      .post('/programmes')
      .set(bearer(s.manager))
      .send(body(s.leadOrganizationId, { endDate: '2026-01-01' }));
    expectProblem(dates, 422);
    expect(dates.body.errors).toEqual([{ field: 'endDate', message: expect.any(String) }]);
    expectProblem(
      await stack
        .http()
        .post('/programmes')
        .set(bearer(s.implementer.session))
        .send(body(s.leadOrganizationId)),
      403,
    );
    expectProblem(await stack.http().get('/programmes/not-a-uuid').set(bearer(s.manager)), 400);
  });

  it('honours Idempotency-Key on creation', async () => {
    const first = await stack
      .http()
      .post('/programmes')
      .set(bearer(s.manager))
      .set('Idempotency-Key', 'create-housing-1')
      .send(body(s.leadOrganizationId));
    expect(first.status).toBe(201);
    const again = await stack
      .http()
      .post('/programmes')
      .set(bearer(s.manager))
      .set('Idempotency-Key', 'create-housing-1')
      .send(body(s.leadOrganizationId));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const rows = await stack.query(`SELECT id FROM programmes WHERE title = 'Housing First Riverton'`);
    expect(rows).toHaveLength(1);
    expectProblem(
      await stack
        .http()
        .post('/programmes')
        .set(bearer(s.manager))
        .set('Idempotency-Key', 'create-housing-1')
        .send(body(s.leadOrganizationId, { title: 'Other' })),
      409,
    );
  });

  it('moves through its lifecycle; an illegal transition is a 409 with its code', async () => {
    const p = await stack
      .http()
      .post('/programmes')
      .set(bearer(s.manager))
      .send(body(s.leadOrganizationId, { title: 'Lifecycle test' }))
      .expect(201);
    const illegal = await stack
      .http()
      .post(`/programmes/${p.body.id}/transitions`)
      .set(bearer(s.manager))
      .send({ to: 'completed' });
    expectProblem(illegal, 409);
    expect(illegal.body.code).toBe('PROGRAMME_TRANSITION_NOT_ALLOWED');
    for (const to of ['active', 'suspended', 'active', 'completed', 'archived']) {
      const res = await stack
        .http()
        .post(`/programmes/${p.body.id}/transitions`)
        .set(bearer(s.manager))
        .send({ to });
      expect([res.status, res.body.status]).toEqual([200, to]);
    }
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${p.body.id}/transitions`)
        .set(bearer(s.manager))
        .send({ to: 'active' }),
      409,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/transitions`)
        .set(bearer(s.implementer.session))
        .send({ to: 'suspended' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/transitions`)
        .set(bearer(s.outsider.session))
        .send({ to: 'suspended' }),
      404,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/transitions`)
        .set(bearer(s.manager))
        .send({ to: 'paused' }),
      400,
    );
    const audit = await auditOf(stack, 'programme', p.body.id);
    expect(audit.map((a) => (a.changes as { status?: { after: string } }).status?.after ?? a.action)).toEqual(
      ['draft', 'active', 'suspended', 'active', 'completed', 'archived'],
    );
  });

  it('edits need If-Match; stale ones are a 412; only managers edit', async () => {
    const read = await stack.http().get(`/programmes/${s.programmeId}`).set(bearer(s.manager)).expect(200);
    expectProblem(
      await stack.http().patch(`/programmes/${s.programmeId}`).set(bearer(s.manager)).send({ summary: 'x' }),
      428,
    );
    const ok = await stack
      .http()
      .patch(`/programmes/${s.programmeId}`)
      .set(bearer(s.manager))
      .set('If-Match', read.headers.etag)
      .send({ summary: 'Updated plan', budget: { amount: 300000, currency: 'eur' } })
      .expect(200);
    expect(ok.body).toMatchObject({
      summary: 'Updated plan',
      budget: { amount: '300000.00', currency: 'EUR' },
      title: read.body.title,
    });
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}`)
        .set(bearer(s.manager))
        .set('If-Match', read.headers.etag)
        .send({ summary: 'lost update' }),
      412,
    );
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}`)
        .set(bearer(s.observer.session))
        .set('If-Match', ok.headers.etag)
        .send({ summary: 'mine' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}`)
        .set(bearer(s.implementer.session))
        .set('If-Match', ok.headers.etag)
        .send({ summary: 'mine' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}`)
        .set(bearer(s.outsider.session))
        .set('If-Match', ok.headers.etag)
        .send({ summary: 'mine' }),
      404,
    );
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}`)
        .set(bearer(s.admin))
        .set('If-Match', ok.headers.etag)
        .send({ summary: 'admin reads only' }),
      403,
    );
  });

  it('partners are invited, decline, leave, are removed and invited again, keeping their history', async () => {
    const extra = await stack
      .http()
      .post('/organizations')
      .set(bearer(s.admin))
      .send({
        kind: 'employer',
        name: 'Harbour Foods E2E',
        country: 'PT',
        city: 'Riverton',
        contactEmail: 'hr@harbour.example',
        profile: { sector: 'I', sizeBand: 'small' },
      })
      .expect(201);
    const hr = await onboardUser(stack, smtp, s.admin, extra.body.id, 'hr@harbour.test', 'org_admin');
    const clerk = await onboardUser(stack, smtp, hr, extra.body.id, 'clerk@harbour.test', 'member');
    const orgId = extra.body.id as string;
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/partners`)
        .set(bearer(s.implementer.session))
        .send({ organizationId: orgId, role: 'funder' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/partners`)
        .set(bearer(s.manager))
        .send({ organizationId: orgId, role: 'lead' }),
      409,
    );
    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners`)
      .set(bearer(s.manager))
      .send({ organizationId: orgId, role: 'funder' })
      .expect(201);
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/partners`)
        .set(bearer(s.manager))
        .send({ organizationId: orgId, role: 'funder' }),
      409,
    );
    // Invited: its people see the programme; a plain member cannot answer for the organisation.
    await stack.http().get(`/programmes/${s.programmeId}`).set(bearer(clerk)).expect(200);
    expectProblem(
      await stack.http().post(`/programmes/${s.programmeId}/partners/${orgId}/accept`).set(bearer(clerk)),
      403,
    );
    expectProblem(
      await stack.http().post(`/programmes/${s.programmeId}/partners/${orgId}/accept`).set(bearer(s.manager)),
      403,
    );
    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners/${orgId}/decline`)
      .set(bearer(hr))
      .expect(200);
    // Having declined, the organisation no longer sees the programme at all.
    expectProblem(
      await stack.http().post(`/programmes/${s.programmeId}/partners/${orgId}/accept`).set(bearer(hr)),
      404,
    );
    expectProblem(await stack.http().get(`/programmes/${s.programmeId}`).set(bearer(clerk)), 404);
    await waitForNotification(stack, s.manager, 'programme.partner_declined', s.programmeId);

    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners`)
      .set(bearer(s.manager))
      .send({ organizationId: orgId, role: 'funder' })
      .expect(201);
    const accepted = await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners/${orgId}/accept`)
      .set(bearer(hr))
      .expect(200);
    expect(accepted.body).toMatchObject({
      status: 'active',
      role: 'funder',
      organizationName: 'Harbour Foods E2E',
    });
    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners/${orgId}/leave`)
      .set(bearer(hr))
      .expect(200);
    expectProblem(await stack.http().get(`/programmes/${s.programmeId}`).set(bearer(hr)), 404);
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/partners/${s.leadOrganizationId}/leave`)
        .set(bearer(s.manager)),
      409,
    );
    expectProblem(
      await stack
        .http()
        .delete(`/programmes/${s.programmeId}/partners/${s.leadOrganizationId}`)
        .set(bearer(s.manager)),
      409,
    );

    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners`)
      .set(bearer(s.manager))
      .send({ organizationId: orgId, role: 'advisor' })
      .expect(201);
    await stack
      .http()
      .post(`/programmes/${s.programmeId}/partners/${orgId}/accept`)
      .set(bearer(hr))
      .expect(200);
    expectProblem(
      await stack
        .http()
        .delete(`/programmes/${s.programmeId}/partners/${orgId}`)
        .set(bearer(s.observer.session)),
      403,
    );
    const removed = await stack
      .http()
      .delete(`/programmes/${s.programmeId}/partners/${orgId}`)
      .set(bearer(s.manager))
      .expect(200);
    expect(removed.body.status).toBe('removed');
    const [row] = await stack.query<{ id: string }>(
      `SELECT id FROM programme_partners WHERE organization_id = $1`,
      [orgId],
    );
    const history = await auditOf(stack, 'programme_partner', row.id);
    expect(history.map((h) => (h.changes as { status?: { after: string } }).status?.after)).toEqual([
      'invited',
      'declined',
      'invited',
      'active',
      'left',
      'invited',
      'active',
      'removed',
    ]);
  });

  it('the lead names programme managers among its members; they then manage', async () => {
    const colleague = await onboardUser(
      stack,
      smtp,
      s.manager,
      s.leadOrganizationId,
      'colleague@lead.test',
      'member',
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/milestones`)
        .set(bearer(colleague))
        .send({ title: 'M', dueDate: '2027-06-30' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/managers`)
        .set(bearer(s.manager))
        .send({ userId: s.implementer.session.userId }),
      422,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/managers`)
        .set(bearer(s.implementer.session))
        .send({ userId: colleague.userId }),
      403,
    );
    const managers = await stack
      .http()
      .post(`/programmes/${s.programmeId}/managers`)
      .set(bearer(s.manager))
      .send({ userId: colleague.userId })
      .expect(201);
    expect(managers.body.map((m: { email: string; basis: string }) => [m.email, m.basis])).toEqual(
      expect.arrayContaining([
        [s.manager.email, 'org_admin'],
        ['colleague@lead.test', 'named'],
      ]),
    );
    // Managers' contact details: for managers and partners' org admins only (issue 14).
    const byPartnerAdmin = await stack
      .http()
      .get(`/programmes/${s.programmeId}/managers`)
      .set(bearer(s.implementer.session))
      .expect(200);
    expect(byPartnerAdmin.body.map((x: { email: string }) => x.email)).toContain(s.manager.email);
    const byAdmin = await stack
      .http()
      .get(`/programmes/${s.programmeId}/managers`)
      .set(bearer(s.admin))
      .expect(200);
    expect(byAdmin.body.map((x: { email: string | null }) => x.email)).toEqual(byAdmin.body.map(() => null));
    const m = await stack
      .http()
      .post(`/programmes/${s.programmeId}/milestones`)
      .set(bearer(colleague))
      .send({ title: 'First cohort placed', dueDate: '2027-06-30' })
      .expect(201);
    expect(m.body).toMatchObject({
      title: 'First cohort placed',
      dueDate: '2027-06-30',
      tasksTotal: 0,
      progress: 0,
    });
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/milestones`)
        .set(bearer(s.observer.session))
        .send({ title: 'X', dueDate: '2027-06-30' }),
      403,
    );
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/milestones`)
        .set(bearer(colleague))
        .send({ title: 'X', dueDate: '30/06/2027' }),
      400,
    );
    const list = await stack
      .http()
      .get(`/programmes/${s.programmeId}/milestones`)
      .set(bearer(s.observer.session))
      .expect(200);
    expect(list.body.map((x: { title: string }) => x.title)).toContain('First cohort placed');
    await stack
      .http()
      .delete(`/programmes/${s.programmeId}/managers/${colleague.userId}`)
      .set(bearer(s.manager))
      .expect(204);
    expectProblem(
      await stack
        .http()
        .post(`/programmes/${s.programmeId}/milestones`)
        .set(bearer(colleague))
        .send({ title: 'Y', dueDate: '2027-06-30' }),
      403,
    );
    expect((await auditOf(stack, 'programme_manager', colleague.userId)).map((a) => a.action)).toEqual([
      'create',
      'delete',
    ]);
  });

  it('reminds the managers before a partnership agreement expires, once, and follows a changed date', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await stack
      .http()
      .patch(`/programmes/${s.programmeId}/partners/${s.provider.organizationId}`)
      .set(bearer(s.manager))
      .send({ agreementSignedOn: '2027-01-10', agreementReference: 'MoU-14', agreementExpiresOn: soon })
      .expect(200);
    const found = await waitForNotification(stack, s.manager, 'programme.agreement_expiring', s.programmeId);
    expect(found).toHaveLength(1);
    // Far away: nothing now. The date waits on the partner's row for the sweep: no job per
    // agreement in Redis (neither delayed nor under the names of the jobs before the sweep).
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    await stack
      .http()
      .patch(`/programmes/${s.programmeId}/partners/${s.implementer.organizationId}`)
      .set(bearer(s.manager))
      .send({ agreementExpiresOn: far })
      .expect(200);
    await new Promise((r) => setTimeout(r, 2000));
    const redis = new IORedis(stack.redis.url, { maxRetriesPerRequest: 1 });
    try {
      expect(await delayedJobIds(redis, 'reminders')).toEqual([]);
      const legacy = ['partner.agreement-reminders', 'partner.agreement-expiring'];
      expect((await jobNames(redis)).filter((n) => legacy.includes(n))).toEqual([]);
    } finally {
      redis.disconnect();
    }
    const all = await stack
      .http()
      .get('/notifications')
      .query({ type: 'programme.agreement_expiring' })
      .set(bearer(s.manager))
      .expect(200);
    expect(all.body.items).toHaveLength(1);
    expectProblem(
      await stack
        .http()
        .patch(`/programmes/${s.programmeId}/partners/${s.provider.organizationId}`)
        .set(bearer(s.provider.session))
        .send({ agreementExpiresOn: far }),
      403,
    );
  });

  it('a partner who can read does not see other programmes, and a fresh user sees nothing', async () => {
    const nobody = await onboardUser(
      stack,
      smtp,
      s.outsider.session,
      s.outsider.organizationId,
      'new@outsider.test',
      'member',
    );
    expect((await stack.http().get('/programmes').set(bearer(nobody)).expect(200)).body.items).toEqual([]);
    expect(PASSWORD).toBeDefined();
  });
});
