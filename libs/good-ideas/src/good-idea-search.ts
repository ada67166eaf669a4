import { searchDocuments } from '@tandem/core';

/**
 * Full-text search over good ideas, one PostgreSQL text search configuration per language:
 * english, french and spanish stem words; Arabic has no built-in configuration, so its text goes
 * through 'simple' (lower-casing, no stemming) after an orthographic normalisation: diacritics
 * (harakat) and tatweel removed, the hamza forms of alef (أ إ آ ٱ) folded to ا, alef maqsura ى to ي
 * and ta marbuta ة to ه. Prefixes such as the article ال are not stripped: a search for "العمل"
 * does not find "عمل".
 *
 * Each document is an expression over `texts`, indexed by an expression GIN index per language
 * (migration GoodIdeas1795450000000). The SQL here must stay byte-identical to the indexed
 * expressions or PostgreSQL will not use the indexes.
 */
export const SEARCH_CONFIGS = { en: 'english', fr: 'french', es: 'spanish', ar: 'simple' } as const;

export { ARABIC_FROM, ARABIC_TO, normalizeArabic } from '@tandem/core';

const doc = (lang: string) =>
  `coalesce(texts #>> '{${lang},title}', '') || ' ' || coalesce(texts #>> '{${lang},summary}', '') || ' ' || ` +
  `coalesce(texts #>> '{${lang},challenge}', '') || ' ' || coalesce(texts #>> '{${lang},approach}', '')`;

/** The indexed document of each language, as SQL over a row of good_ideas (unqualified columns). */
export const SEARCH_DOCUMENTS: Record<keyof typeof SEARCH_CONFIGS, string> = searchDocuments(doc);
