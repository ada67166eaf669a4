import { findInputProblem, MAX_INPUT_DEPTH, textProblem, xmlSafeText } from './text-hygiene';

describe('text hygiene', () => {
  it('accepts clean text with tab, newline, accents, emoji and right-to-left scripts', () => {
    expect(textProblem('Café\tété\nمرحبا 👋')).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['C0', 'a\u0001b'],
    ['vertical tab', 'a\u000Bb'],
    ['carriage return', 'a\rb'],
    ['unit separator', '\u001F'],
    ['C1', 'a\u0085b'],
    ['lone high surrogate', 'a\uD800b'],
    ['lone low surrogate', '\uDC00'],
  ])('refuses %s', (_name, value) => {
    expect(textProblem(value)).not.toBeNull();
  });

  it('names the field of a bad string, a prototype key and excessive nesting', () => {
    expect(findInputProblem({ profile: { name: 'x\u0000' } })).toEqual({
      field: 'profile.name',
      message: expect.stringContaining('NUL'),
    });
    expect(findInputProblem(JSON.parse('{"email":{"constructor":{"prototype":{}}}}'))?.field).toBe(
      'email.constructor',
    );
    expect(findInputProblem(JSON.parse('{"__proto__":{"admin":true}}'))?.field).toBe('__proto__');
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(findInputProblem({ a: deep })?.message).toContain(`${MAX_INPUT_DEPTH}`);
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(findInputProblem(fine)).toBeNull();
  });

  it('makes any text valid XML 1.0 character data', () => {
    expect(xmlSafeText('a\u0001b\u000Bc\u001Fd\uFFFEe\uD800f\tg\nh😀')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\tg\nh😀',
    );
  });
});
