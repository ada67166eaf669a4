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
 * Whether a count may not be shown: under the threshold, or leaving fewer than `threshold` people
 * once the rows the asker sees anyway (`own`: their own placements and the participants they
 * registered) are taken away. Without the second rule a manager who is also an employer would
 * subtract their own figures from the programme's and read the other employers' small groups.
 */
export const isSmall = (n: number, own = 0, threshold = SUPPRESSION_THRESHOLD): boolean =>
  (n > 0 && n < threshold) || (n - own > 0 && n - own < threshold);

/**
 * Hides every small cell. When exactly one cell of a breakdown is hidden, the total minus the others
 * would give it away, so the next smallest is hidden too (as "suppressed", since its own count is
 * not small).
 */
export function suppressBreakdown(
  cells: { key: string; people: number; own?: number }[],
  threshold = SUPPRESSION_THRESHOLD,
): BreakdownCell[] {
  const small = new Set(cells.filter((c) => isSmall(c.people, c.own ?? 0, threshold)).map((c) => c.key));
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
  own: { answered: number; retained: number } = { answered: 0, retained: 0 },
  threshold = SUPPRESSION_THRESHOLD,
): RetentionCell {
  const left = answered - retained;
  const ownLeft = own.answered - own.retained;
  if (answered < threshold || isSmall(answered, own.answered, threshold))
    return { months, answered: SMALL, retained: SMALL, left: SMALL, rate: null };
  const smallRetained = retained < threshold || isSmall(retained, own.retained, threshold);
  const smallLeft = left < threshold || isSmall(left, ownLeft, threshold);
  if (smallRetained || smallLeft) {
    return {
      months,
      answered,
      retained: smallRetained ? SMALL : HIDDEN,
      left: smallLeft ? SMALL : HIDDEN,
      rate: null,
    };
  }
  return { months, answered, retained, left, rate: rateOf(retained, answered) };
}

export const suppressCount = (n: number, own = 0, threshold = SUPPRESSION_THRESHOLD): Count =>
  n < threshold || isSmall(n, own, threshold) ? SMALL : n;
