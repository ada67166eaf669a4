import { passwordProblems } from './password';

describe('password rules', () => {
  it.each([
    ['Correct-Horse-Battery-9', 'amira@example.org'],
    ['Tandem-demo-2026!', 'admin@tandem.example'],
    ['Platform-Root-Pass-2026', 'admin@example.org'],
  ])('accepts a long, uncommon password (%s)', (password, email) => {
    expect(passwordProblems(password, email)).toEqual([]);
  });

  it('says why a password is refused', () => {
    expect(passwordProblems('short')).toEqual(['must be at least 12 characters']);
    expect(passwordProblems('password1234')[0]).toMatch(/too easy to guess/);
    expect(passwordProblems('aaaaaaaaaaaaaa')[0]).toMatch(/too easy to guess/);
    expect(passwordProblems('qwertyuiop123')[0]).toMatch(/too easy to guess/);
    expect(passwordProblems('x'.repeat(64) + 'Y'.repeat(65))).toEqual(['must be at most 128 characters']);
  });

  it('never equals or contains the e-mail, or its name part', () => {
    expect(passwordProblems('amira.haddad@example.org', 'Amira.Haddad@example.org')).toContain(
      'must not be or contain your e-mail',
    );
    expect(passwordProblems('x-amira.haddad@example.org-x', 'amira.haddad@example.org')).toContain(
      'must not be or contain your e-mail',
    );
    expect(passwordProblems('my-name-is-amira-2026', 'amira@example.org')).toContain(
      'must not contain your e-mail name',
    );
  });
});
