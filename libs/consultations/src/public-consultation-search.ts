import { searchDocuments } from '@tandem/core';

/**
 * Full-text search over public consultations, the same design as good ideas' (good-idea-search.ts):
 * one text search configuration per language (english, french, spanish stem; Arabic goes through
 * 'simple' after the same orthographic normalisation), one expression GIN index per language
 * (migration PublicConsultations1796500000000), partial on `public_outcome`. The SQL here must stay
 * byte-identical to the indexed expressions or PostgreSQL will not use the indexes.
 */
const doc = (lang: string) =>
  `coalesce(title ->> '${lang}', '') || ' ' || coalesce(description ->> '${lang}', '') || ' ' || ` +
  `coalesce(outcome #>> '{summary,${lang}}', '')`;

/** The indexed document of each language, as SQL over a row of consultations (unqualified columns). */
export const CONSULTATION_SEARCH_DOCUMENTS = searchDocuments(doc);
