import type { ConsultationResults, QuestionResult } from './consultation-results.view';
import { ConsultationStatus } from './entities/consultation.entity';

/**
 * The one anonymity rule of anonymous consultations. Every path that shows anything derived from
 * answers (results API, results CSV, consultation reports, audit rows, closing notifications and
 * webhooks, which carry the response count only) goes through the functions here.
 *
 * - Until the consultation closes nobody, the owner and platform admins included, sees anything but
 *   the number of responses: reading live results after each answer would pair it with whoever
 *   just answered.
 * - After closing, every breakdown cell (responding organisations by kind, organisations per
 *   option, per scale value) counting 1 to threshold-1 organisations is suppressed; when exactly
 *   one cell of a breakdown that adds up to a known total is suppressed, the next smallest is too,
 *   so it cannot be recovered by subtraction; a scale's average goes with its suppressed cells.
 * - Free texts of a question are released only when at least `threshold` organisations wrote one,
 *   sorted by content (never by time or organisation).
 * - The threshold is 3 unless the consultation sets another, and never below 2.
 */
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
export const MIN_ANONYMITY_THRESHOLD = 2;
export const MAX_ANONYMITY_THRESHOLD = 100;

export interface AnonymityFacts {
  anonymous: boolean;
  status: ConsultationStatus;
  anonymityThreshold?: number | null;
}

export const anonymityThreshold = (c: AnonymityFacts): number =>
  Math.max(MIN_ANONYMITY_THRESHOLD, c.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD);

/** True while an anonymous consultation shows nothing but its response count. */
export const isSealed = (c: AnonymityFacts): boolean =>
  c.anonymous && c.status !== ConsultationStatus.Closed && c.status !== ConsultationStatus.OutcomePublished;

/** A count that is hidden reads as this string; its percentage reads null. */
export const SUPPRESSED = 'suppressed' as const;
export type AnonymousCount = number | typeof SUPPRESSED;

/**
 * Cell indexes to hide: every count from 1 to threshold-1, and, when `additive` (the cells add up to
 * a published total) and exactly one is hidden, the next smallest shown non-zero cell as well.
 */
export function cellsToSuppress(counts: number[], threshold: number, additive: boolean): Set<number> {
  const hidden = new Set<number>();
  counts.forEach((n, i) => {
    if (n > 0 && n < threshold) hidden.add(i);
  });
  if (additive && hidden.size === 1) {
    const next = counts
      .map((n, i) => ({ n, i }))
      .filter((x) => !hidden.has(x.i) && x.n > 0)
      .sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.i);
  }
  return hidden;
}

type Cell = { count: number | string; percentage?: number | null };

function suppressCells<T extends Cell>(cells: T[], threshold: number, additive: boolean): T[] {
  const hidden = cellsToSuppress(
    cells.map((c) => Number(c.count)),
    threshold,
    additive,
  );
  return cells.map((c, i) =>
    hidden.has(i) ? { ...c, count: SUPPRESSED, ...('percentage' in c ? { percentage: null } : {}) } : c,
  );
}

function anonymousQuestion(q: QuestionResult, threshold: number): QuestionResult {
  const out: QuestionResult = { ...q };
  if (q.options) {
    // Single choice adds up to `answered`; multiple choice does not, so only small cells hide there.
    out.options = suppressCells(q.options, threshold, q.type === 'single_choice');
  }
  if (q.distribution) {
    out.distribution = suppressCells(q.distribution, threshold, true);
    if (out.distribution.some((d) => d.count === SUPPRESSED)) out.average = null;
  }
  if (q.answers) {
    const texts = q.answers.map((a) => a.text);
    out.answers = texts.length >= threshold ? [...texts].sort(compareText).map((text) => ({ text })) : [];
    out.textsWithheld = texts.length < threshold && texts.length > 0;
  }
  return out;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Results as an anonymous consultation may show them; named consultations pass through unchanged.
 * `results` must have been computed from every response (the owner's full view).
 */
export function applyAnonymity(c: AnonymityFacts, results: ConsultationResults): ConsultationResults {
  if (!c.anonymous) return results;
  const threshold = anonymityThreshold(c);
  const { respondents: _dropped, ...participation } = results.participation;
  void _dropped;
  if (isSealed(c)) {
    return {
      ...results,
      anonymityThreshold: threshold,
      sealed: true,
      participation: {
        invitedCount: participation.invitedCount,
        respondedInvitedCount: null,
        responseRate: null,
        byKind: [],
      },
      questions: [],
    };
  }
  return {
    ...results,
    anonymityThreshold: threshold,
    sealed: false,
    participation: {
      ...participation,
      byKind: suppressCells(participation.byKind, threshold, true),
    },
    questions: results.questions.map((q) => anonymousQuestion(q, threshold)),
  };
}

/**
 * The rows of the results CSV of an anonymous consultation: the suppressed aggregates, never one row
 * per response (a row of answers is a fingerprint however it is ordered).
 */
export function anonymousCsvRows(
  results: ConsultationResults,
  promptOf: (q: QuestionResult) => string,
  /** A choice's label in the reader's language (its value when there is none). */
  labelOf: (label: Record<string, string>) => string = () => '',
): string[][] {
  const rows: string[][] = [['question', 'answer', 'organisations', 'percentage']];
  rows.push(['(responses)', '', String(results.responseCount), '']);
  if (results.sealed) return rows;
  for (const k of results.participation.byKind)
    rows.push(['(respondents by kind)', k.kind, String(k.count), '']);
  for (const q of results.questions) {
    const prompt = promptOf(q);
    for (const o of q.options ?? [])
      rows.push([
        prompt,
        (o.label && labelOf(o.label)) || o.value,
        String(o.count),
        String(o.percentage ?? ''),
      ]);
    for (const d of q.distribution ?? [])
      rows.push([prompt, String(d.value), String(d.count), String(d.percentage ?? '')]);
    if (q.distribution) rows.push([prompt, '(average)', '', q.average == null ? '' : String(q.average)]);
    for (const a of q.answers ?? []) rows.push([prompt, a.text, '', '']);
  }
  return rows;
}

/**
 * What the audit trail records of an answer: for an anonymous consultation neither the person, nor
 * the organisation, nor the answers, nor the response's own id (which would tell one organisation's
 * edits apart from another's): only that the consultation received or changed an answer.
 */
export function responseAuditEntry(
  c: { id: string; anonymous: boolean },
  response: { id: string; organizationId: string; answers: unknown },
  created: boolean,
) {
  if (c.anonymous)
    return {
      action: 'update' as const,
      entityType: 'consultation',
      entityId: c.id,
      after: { anonymousResponse: true },
      actorUserId: null,
    };
  return {
    action: created ? ('create' as const) : ('update' as const),
    entityType: 'consultation_response',
    entityId: response.id,
    after: { consultationId: c.id, organizationId: response.organizationId, answers: response.answers },
  };
}
