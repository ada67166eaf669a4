/** Cells counting fewer people than this are never shown as a number in a programme view. */
export const SUPPRESSION_THRESHOLD = 5;

export const SMALL = '<5' as const;
/** A cell hidden only because, with the total, it would reveal a small one (complementary suppression). */
export const HIDDEN = 'suppressed' as const;

export type Count = number | typeof SMALL | typeof HIDDEN;

export interface BreakdownCell {
  key: string;
  people: Count;
}

export interface RetentionCell {
  months: number;
  answered: Count;
  retained: Count;
  left: Count;
  /** Share still employed among answered check-ins, 0–1; null when not shown or nothing answered. */
  rate: number | null;
}

/**
 * Hides every cell under the threshold. When exactly one cell of a breakdown is hidden, the total
 * minus the others would give it away, so the next smallest is hidden too (as "suppressed", since
 * its own count is not small).
 */
export function suppressBreakdown(
  cells: { key: string; people: number }[],
  threshold = SUPPRESSION_THRESHOLD,
): BreakdownCell[] {
  const small = new Set(cells.filter((c) => c.people < threshold).map((c) => c.key));
  const hidden = new Set<string>();
  if (small.size === 1 && cells.length > 1) {
    const next = cells.filter((c) => !small.has(c.key)).sort((a, b) => a.people - b.people)[0];
    hidden.add(next.key);
  }
  return cells.map((c) => ({
    key: c.key,
    people: small.has(c.key) ? SMALL : hidden.has(c.key) ? HIDDEN : c.people,
  }));
}

const rateOf = (retained: number, answered: number): number | null =>
  answered ? Math.round((retained / answered) * 1000) / 1000 : null;

export function retentionCell(months: number, answered: number, retained: number): RetentionCell {
  return { months, answered, retained, left: answered - retained, rate: rateOf(retained, answered) };
}

/**
 * answered = retained + left, so showing two of them shows the third: when either side of the
 * split is small, the split and the rate are hidden and only the number answered (if not small)
 * stays.
 */
export function suppressRetention(
  months: number,
  answered: number,
  retained: number,
  threshold = SUPPRESSION_THRESHOLD,
): RetentionCell {
  const left = answered - retained;
  if (answered < threshold) return { months, answered: SMALL, retained: SMALL, left: SMALL, rate: null };
  if (retained < threshold || left < threshold) {
    return {
      months,
      answered,
      retained: retained < threshold ? SMALL : HIDDEN,
      left: left < threshold ? SMALL : HIDDEN,
      rate: null,
    };
  }
  return { months, answered, retained, left, rate: rateOf(retained, answered) };
}

export const suppressCount = (n: number, threshold = SUPPRESSION_THRESHOLD): Count =>
  n < threshold ? SMALL : n;
