import { invitationIdFromToken, invitationToken } from './invitation-token';

describe('invitation tokens', () => {
  const secret = 'x'.repeat(40);
  const id = '5b0e6a59-3f0e-4e2b-9a51-1f3f1b2c3d4e';

  it('round-trips the invitation id', () => {
    expect(invitationIdFromToken(secret, invitationToken(secret, id))).toBe(id);
  });

  it('refuses tokens signed with another key, altered, or malformed', () => {
    const token = invitationToken(secret, id);
    expect(invitationIdFromToken('y'.repeat(40), token)).toBeNull();
    expect(
      invitationIdFromToken(secret, token.replace(id, '5b0e6a59-3f0e-4e2b-9a51-1f3f1b2c3d4f')),
    ).toBeNull();
    expect(invitationIdFromToken(secret, `${token}.extra`)).toBeNull();
    expect(invitationIdFromToken(secret, 'not-a-token')).toBeNull();
  });
});
