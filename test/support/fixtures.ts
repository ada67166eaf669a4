import { expect } from '@jest/globals';
import { ADMIN, TestStack } from './stack';
import { TestSmtpServer } from './smtp';

export const PASSWORD = 'Correct-Horse-Battery-9';

export interface Session {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
}

export async function login(stack: TestStack, email: string, password: string): Promise<Session> {
  const res = await stack.http().post('/auth/login').send({ email, password }).expect(200);
  const me = await stack
    .http()
    .get('/auth/me')
    .set('Authorization', `Bearer ${res.body.accessToken}`)
    .expect(200);
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, userId: me.body.user.id, email };
}

export const loginAdmin = (stack: TestStack) => login(stack, ADMIN.email, ADMIN.password);

export const bearer = (s: Session) => ({ Authorization: `Bearer ${s.token}` });

const PROFILES = {
  government: { level: 'municipal', jurisdiction: 'Riverton' },
  employer: { sector: 'C', sizeBand: 'medium' },
  civil_society: { services: ['legal_aid'] },
  migrant_association: { communities: ['SY'], languages: ['ar'] },
} as const;

export async function createOrganization(
  stack: TestStack,
  admin: Session,
  kind: keyof typeof PROFILES,
  name: string,
): Promise<string> {
  const res = await stack
    .http()
    .post('/organizations')
    .set(bearer(admin))
    .send({
      kind,
      name,
      country: 'PT',
      city: 'Riverton',
      contactEmail: `contact@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
      profile: PROFILES[kind],
    });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** The invitation link's token, read from the e-mail a real SMTP server received. */
export async function tokenFromEmail(smtp: TestSmtpServer, email: string): Promise<string> {
  const mail = await smtp.waitFor(email);
  const match = /\/invitations\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
}

/** Invites a user through the API, accepts through the API with the token from the e-mail, signs in. */
export async function onboardUser(
  stack: TestStack,
  smtp: TestSmtpServer,
  inviter: Session,
  organizationId: string,
  email: string,
  role: 'org_admin' | 'member',
): Promise<Session> {
  await stack
    .http()
    .post(`/organizations/${organizationId}/invitations`)
    .set(bearer(inviter))
    .send({ email, role })
    .expect(201);
  const token = await tokenFromEmail(smtp, email);
  await stack
    .http()
    .post(`/invitations/${token}/accept`)
    .send({ name: email.split('@')[0], password: PASSWORD })
    .expect(201);
  return login(stack, email, PASSWORD);
}

export function expectProblem(
  res: {
    status: number;
    headers: Record<string, string>;
    body: { status?: number; type?: string; title?: string };
  },
  status: number,
): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.type).toBe('string');
  expect(typeof res.body.title).toBe('string');
}

/** Audit rows for one entity, oldest first. */
export async function auditOf(stack: TestStack, entityType: string, entityId: string) {
  return stack.query<{
    action: string;
    actor_user_id: string | null;
    changes: Record<string, unknown>;
    request_id: string | null;
  }>(
    `SELECT action, actor_user_id, changes, request_id FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
    [entityType, entityId],
  );
}
