import { excerpt, MAX_MENTIONS, parseMentions } from './mentions';

describe('mentions', () => {
  it('finds "@" followed by an e-mail address, lower-cased and once each', () => {
    expect(
      parseMentions(
        'Thanks @Amira@Syrian.test! Can @joe.b+x@legal-aid.example.org and @amira@syrian.test help?',
      ),
    ).toEqual(['amira@syrian.test', 'joe.b+x@legal-aid.example.org']);
  });

  it('leaves trailing punctuation out of the address', () => {
    expect(parseMentions('Ask @amira@syrian.test.')).toEqual(['amira@syrian.test']);
    expect(parseMentions('(cc @amira@syrian.test), thanks')).toEqual(['amira@syrian.test']);
  });

  it('does not take a plain address, a handle or an address inside a word for a mention', () => {
    expect(parseMentions('write to amira@syrian.test')).toEqual([]);
    expect(parseMentions('hi @amira and x@amira@syrian.test')).toEqual([]);
    expect(parseMentions('@amira@localhost')).toEqual([]);
  });

  it('looks up at most MAX_MENTIONS people per comment', () => {
    const body = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `@u${i}@x.test`).join(' ');
    expect(parseMentions(body)).toHaveLength(MAX_MENTIONS);
  });

  it('makes a one-line excerpt', () => {
    expect(excerpt('a\n\n  b   c')).toBe('a b c');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
