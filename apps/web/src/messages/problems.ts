// The problem catalogue in every language (see ../problems.ts). Registered apart from the interface
// text in index.ts: it is its own chunk, loaded after the first screen, because no first screen
// needs it and it would push the first screen's JavaScript over its budget (scripts/compress-web.mjs).
import { problems as ar } from './ar/problems';
import { problems as en } from './en/problems';
import { problems as es } from './es/problems';
import { problems as fr } from './fr/problems';

export type ProblemKey = keyof typeof en;

/** Each language's sentence per `problem.<CODE>` (a missing one fails `tsc`). */
export const problemCatalogues: Record<'en' | 'fr' | 'es' | 'ar', Record<ProblemKey, string>> = {
  en,
  fr,
  es,
  ar,
};
