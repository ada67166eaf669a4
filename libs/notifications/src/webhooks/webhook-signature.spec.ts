import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = JSON.stringify({ id: 'evt-1', type: 'task.assigned', data: { taskTitle: 'Café ☕' } });
  const now = 1_800_000_000;

  it('is v1= hex HMAC-SHA256 of "timestamp.body"', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`v1=${expected}`);
  });

  it('verifies what it signs, within the replay window', () => {
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhook(secret, { signature, timestamp: String(now) }, body, now + 299)).toBe(true);
    expect(
      verifyWebhook(secret, { signature: `v1=bad ${signature}`, timestamp: String(now) }, body, now),
    ).toBe(true);
  });

  it('refuses a changed body, another secret, a stale or missing timestamp', () => {
    const signature = signWebhook(secret, now, body);
    expect(verifyWebhook(secret, { signature, timestamp: String(now) }, `${body} `, now)).toBe(false);
    expect(verifyWebhook('whsec_other', { signature, timestamp: String(now) }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: String(now) }, body, now + 301)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: undefined }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { signature: undefined, timestamp: String(now) }, body, now)).toBe(false);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifyWebhook(secret, { signature, timestamp: String(now + 10) }, body, now + 10)).toBe(false);
  });

  it('generates distinct, prefixed secrets', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
