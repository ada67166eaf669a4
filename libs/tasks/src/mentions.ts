/**
 * `@` then an e-mail address, not itself part of a word or address (so "a@b.test" alone is not a
 * mention, "@a@b.test" is). Trailing sentence punctuation is not part of the address.
 */
const MENTION = /(?<![\w.@+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** At most this many distinct people are looked up per comment. */
export const MAX_MENTIONS = 20;

/** The distinct e-mail addresses mentioned in a comment, lower-cased, in order of appearance. */
export function parseMentions(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    found.add(match[1].toLowerCase());
    if (found.size >= MAX_MENTIONS) break;
  }
  return [...found];
}

/** A short excerpt for a notification. */
export function excerpt(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
