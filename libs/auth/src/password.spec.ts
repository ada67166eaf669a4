import { passwordProblems } from './password';

describe('password rules', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('Correct-Horse-Battery-9', 'amira@example.org')).toEqual([]);
  });

  it('says why a password is refused', () => {
    expect(passwordProblems('short')).toEqual(['must be at least 12 characters']);
    expect(passwordProblems('password1234')).toEqual(['is too common']);
    expect(passwordProblems('aaaaaaaaaaaaaa')).toContain('must not repeat one character');
    expect(passwordProblems('my-name-is-amira-2026', 'amira@example.org')).toEqual([
      'must not contain your e-mail name',
    ]);
    expect(passwordProblems('x'.repeat(64) + 'Y'.repeat(65))).toEqual(['must be at most 128 characters']);
  });
});
