import { Brackets } from 'typeorm';
import { ARABIC_FROM, ARABIC_TO, normalizeArabic } from './arabic';

/** A searchable row's document per language, as SQL `tsvector` expressions. */
export interface SearchDocuments {
  en: string;
  fr: string;
  es: string;
  ar: string;
}

/**
 * The document of each language for `text(lang)`, the SQL of a row's text in that language: one text
 * search configuration per language (english, french and spanish stem; Arabic goes through 'simple'
 * after the normalisation of arabic.ts, done in SQL by `translate`). Shared by every full-text
 * search (good ideas, public consultations); each indexes these expressions, so they must stay
 * byte-identical to its migration's or PostgreSQL will not use the indexes.
 */
export function searchDocuments(text: (lang: string) => string): SearchDocuments {
  return {
    en: `to_tsvector('english'::regconfig, ${text('en')})`,
    fr: `to_tsvector('french'::regconfig, ${text('fr')})`,
    es: `to_tsvector('spanish'::regconfig, ${text('es')})`,
    ar: `to_tsvector('simple'::regconfig, translate(${text('ar')}, '${ARABIC_FROM}', '${ARABIC_TO}'))`,
  };
}

/**
 * The condition "the words `q` (web search syntax) match the row's document in any language", each
 * language's document with the query parsed by the same configuration; binds `:q` and `:qar`.
 */
export function matchesInAnyLanguage(documents: SearchDocuments, q: string): Brackets {
  return new Brackets((w) => {
    w.where(`${documents.en} @@ websearch_to_tsquery('english'::regconfig, :q)`, { q })
      .orWhere(`${documents.fr} @@ websearch_to_tsquery('french'::regconfig, :q)`)
      .orWhere(`${documents.es} @@ websearch_to_tsquery('spanish'::regconfig, :q)`)
      .orWhere(`${documents.ar} @@ websearch_to_tsquery('simple'::regconfig, :qar)`, {
        qar: normalizeArabic(q),
      });
  });
}
