import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, id: string): Buffer =>
  createHmac('sha256', secret).update(`invitation:${id}`).digest();

/** `<invitation id>.<HMAC of the id>`: unguessable, and needs no secret column in the database. */
export function invitationToken(secret: string, invitationId: string): string {
  return `${invitationId}.${mac(secret, invitationId).toString('base64url')}`;
}

/** The invitation id a token names, or null when the token was not made by us. */
export function invitationIdFromToken(secret: string, token: string): string | null {
  const [id, sig, extra] = token.split('.');
  if (extra !== undefined || !id || !sig || !UUID.test(id)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
