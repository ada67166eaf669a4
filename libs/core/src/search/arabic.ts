/**
 * Arabic has no PostgreSQL text search configuration: its text goes through 'simple' (lower-casing,
 * no stemming) after this orthographic normalisation, on the indexed side (SQL `translate`) and on
 * the query side (`normalizeArabic`) alike: diacritics (harakat) and tatweel removed, the hamza
 * forms of alef (أ إ آ ٱ) folded to ا, alef maqsura ى to ي and ta marbuta ة to ه. Prefixes such as
 * the article ال are not stripped. Shared by every full-text search (good ideas, public consultations).
 */
export const ARABIC_FROM = 'أإآٱىةـًٌٍَُِّْ';
export const ARABIC_TO = 'اااايه';

/** The same normalisation in TypeScript, for the query side and for tests. */
export function normalizeArabic(text: string): string {
  let out = '';
  for (const ch of text) {
    const i = ARABIC_FROM.indexOf(ch);
    if (i < 0) out += ch;
    else if (i < ARABIC_TO.length) out += ARABIC_TO[i];
  }
  return out;
}
