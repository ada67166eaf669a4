// What the reader is told when the API refuses: every problem+json answer carries a stable `code`
// (a library's error code, or core's), and the console has one sentence per code in each of its
// languages (messages/<lang>/problems.ts, `problem.<CODE>`). problems.spec.ts fails when the server
// has a code the catalogue lacks, or the catalogue names a code the server no longer has.
import type { Problem } from './api/client';
import type { Key } from './i18n';
import type { ProblemKey, problemCatalogues } from './messages/problems';

type Catalogues = typeof problemCatalogues;
const PREFIX = 'problem.';

/** Codes the console had a sentence for already (chosen by HTTP status): the catalogue reuses it. */
export const SHARED_PROBLEM_SENTENCES: Readonly<Record<string, Key>> = {
  NOT_FOUND: 'error.notFound',
  FORBIDDEN: 'error.forbidden',
  VERSION_MISMATCH: 'error.stale',
};

/**
 * Codes whose server sentence is written for API clients (it names request fields such as
 * `closesAt` or `programmeId`, HTTP paths, ids or raw role values): English readers get the
 * catalogue's sentence too. For every other code the server's own English sentence is kept for
 * English readers, because it names what the catalogue's cannot: the record, its state, a date, a
 * count ("A task cannot move from done to open", "… already exists in PT", "try again in 40 seconds").
 */
const API_WORDED: ReadonlySet<string> = new Set([
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'PRECONDITION_REQUIRED',
  'CONFLICT',
  'INVALID_REFRESH_TOKEN',
  'REFRESH_TOKEN_REUSED',
  'LAST_ORG_ADMIN',
  'INVALID_DATE_RANGE',
  'INVALID_SCHEDULE',
  'UNKNOWN_REFERENCE',
  'RESPONSE_EXISTS',
  'RESPONDING_ORGANIZATION_REQUIRED',
  'OUTCOME_NOT_PUBLISHED',
  'EMPLOYER_NOT_PROGRAMME_PARTNER',
  'PARTICIPANT_NOT_PLACEABLE',
  'ORGANIZATION_CANNOT_DO_THIS',
  'PARTICIPANT_ERASED',
  'RECIPIENT_NOT_ALLOWED',
  'GOOD_IDEA_PROGRAMME_NOT_LED',
  'PLACEMENT_ALREADY_LOGGED',
]);

let catalogues: Catalogues | null = null;
let loading: Promise<Catalogues> | null = null;

/**
 * Loads the catalogue, its own chunk (main.tsx starts it after the first render; `useApiForm` awaits
 * it before it words an error). Until it is there a code counts as unknown: the older wording shows.
 */
export function loadProblemCatalogues(): Promise<Catalogues> {
  loading ??= import('./messages/problems').then(
    (m) => (catalogues = m.problemCatalogues),
    (err: unknown) => {
      loading = null; // a failed chunk load is tried again next time
      throw err;
    },
  );
  return loading;
}

/** Whether the console has a sentence for this code (once the catalogue is loaded). */
export function knowsProblem(code: string | undefined): boolean {
  return (
    !!code && (code in SHARED_PROBLEM_SENTENCES || (!!catalogues && `${PREFIX}${code}` in catalogues.en))
  );
}

/**
 * A domain rule's refusal the console knows: its field messages are the rule's own sentence, not a
 * validation rule's wording (VALIDATION_FAILED's messages are read by form-errors.ts instead).
 */
export function isDomainProblem(problem: Problem): boolean {
  return problem.code !== 'VALIDATION_FAILED' && knowsProblem(problem.code);
}

/**
 * The sentence a reader sees for a problem: the catalogue's, in the reader's language; null when the
 * console does not know the code, or the reader is English and the server's own sentence says more
 * (the caller then shows the server's words).
 */
export function problemSentence(problem: Problem, lang: string, t: (key: Key) => string): string | null {
  const code = problem.code;
  if (!code || !knowsProblem(code)) return null;
  if (lang === 'en' && !API_WORDED.has(code)) return null;
  if (code in SHARED_PROBLEM_SENTENCES) return t(SHARED_PROBLEM_SENTENCES[code]);
  const dict = catalogues![lang as keyof Catalogues] ?? catalogues!.en;
  return dict[`${PREFIX}${code}` as ProblemKey];
}
