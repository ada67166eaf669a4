import { expect } from '@jest/globals';
import { bearer, createOrganization, loginAdmin, onboardUser, Session } from './fixtures';
import { TestSmtpServer } from './smtp';
import { TestStack } from './stack';

export interface Party {
  session: Session;
  organizationId: string;
}

export interface ProgrammeSetup {
  programmeId: string;
  admin: Session;
  /** Org admin of the lead organisation: manages the programme. */
  manager: Session;
  leadOrganizationId: string;
  /** An implementer partner (active). */
  implementer: Party;
  /** A second working partner (service provider, active). */
  provider: Party;
  /** An observer partner (active): reads only. */
  observer: Party;
  /** Org admin of an organisation with no part in the programme. */
  outsider: Party;
}

let counter = 0;

/**
 * A programme as a programme manager sets it up through the API: created, three partners invited
 * and accepted by their own org admins, then activated. Each party has a signed-in session.
 */
export async function setupProgramme(
  stack: TestStack,
  smtp: TestSmtpServer,
  title = 'Jobs Bridge',
): Promise<ProgrammeSetup> {
  const n = ++counter;
  const admin = await loginAdmin(stack);
  const party = async (
    kind: Parameters<typeof createOrganization>[2],
    name: string,
    email: string,
  ): Promise<Party> => {
    const organizationId = await createOrganization(stack, admin, kind, `${name} ${n}`);
    const session = await onboardUser(
      stack,
      smtp,
      admin,
      organizationId,
      email.replace('@', `.${n}@`),
      'org_admin',
    );
    return { session, organizationId };
  };
  const lead = await party('civil_society', 'Welcome Centre', 'manager@lead.test');
  const implementer = await party('civil_society', 'Legal Aid Network', 'staff@implementer.test');
  const provider = await party('migrant_association', 'Syrian Community', 'amira@provider.test');
  const observer = await party('government', 'Northvale Region', 'officer@observer.test');
  const outsider = await party('employer', 'Unrelated Foods', 'hr@outsider.test');

  const created = await stack
    .http()
    .post('/programmes')
    .set(bearer(lead.session))
    .send({
      title: `${title} ${n}`,
      summary: 'Language courses and job placements for newcomers',
      leadOrganizationId: lead.organizationId,
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      country: 'PT',
      region: 'Northvale',
      city: 'Riverton',
      budget: { amount: '250000.00', currency: 'EUR' },
      targetGroups: ['refugees_and_asylum_seekers', 'labour_migrants'],
      dimensions: ['economic', 'linguistic'],
      sdgTargets: ['10.2', '10.7'],
      gcmObjectives: [16, 18],
    });
  expect(created.status).toBe(201);
  const programmeId = created.body.id as string;
  for (const [p, role] of [
    [implementer, 'implementer'],
    [provider, 'service_provider'],
    [observer, 'observer'],
  ] as const) {
    const invited = await stack
      .http()
      .post(`/programmes/${programmeId}/partners`)
      .set(bearer(lead.session))
      .send({ organizationId: p.organizationId, role });
    expect(invited.status).toBe(201);
    const accepted = await stack
      .http()
      .post(`/programmes/${programmeId}/partners/${p.organizationId}/accept`)
      .set(bearer(p.session));
    expect(accepted.status).toBe(200);
  }
  const active = await stack
    .http()
    .post(`/programmes/${programmeId}/transitions`)
    .set(bearer(lead.session))
    .send({ to: 'active' });
  expect(active.status).toBe(200);
  return {
    programmeId,
    admin,
    manager: lead.session,
    leadOrganizationId: lead.organizationId,
    implementer,
    provider,
    observer,
    outsider,
  };
}

/** Polls the user's inbox until a notification of `type` about `subjectId` shows up. */
export async function waitForNotification(
  stack: TestStack,
  who: Session,
  type: string,
  subjectId?: string,
  timeoutMs = 20_000,
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await stack.http().get('/notifications').query({ type, limit: 100 }).set(bearer(who));
    const found = (res.body.items as { subjectId: string }[]).filter(
      (x) => !subjectId || x.subjectId === subjectId,
    );
    if (found.length) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no ${type} notification for ${who.email} within ${timeoutMs} ms`);
}
