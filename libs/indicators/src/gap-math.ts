import { MeasureDirection } from './entities';

/** Figures are at most 4 decimals; differences are rounded back so 0.1 + 0.2 reads 0.3. */
export const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * The gap is migrant − host, in the indicator's unit (percentage points for a %). Its sign alone
 * says nothing about better or worse: an unemployment gap of +4 is bad, an employment gap of +4 is
 * good. `favourable` orients it by the indicator's direction: positive means migrants are better
 * off than the host population, negative that they are behind, 0 parity.
 */
export function gapOf(migrant: number, host: number | null): number | null {
  return host === null ? null : round4(migrant - host);
}

export const orientation = (direction: MeasureDirection): 1 | -1 =>
  direction === MeasureDirection.Increase ? 1 : -1;

export function favourable(value: number | null, direction: MeasureDirection): number | null {
  return value === null ? null : round4(value * orientation(direction)) + 0; // + 0: no -0
}

export interface PeriodFigure {
  period: string;
  migrantValue: number;
  hostValue: number | null;
  smallSample: boolean;
}

export interface TrendPoint extends PeriodFigure {
  gap: number | null;
}

export interface GapChange {
  fromPeriod: string;
  toPeriod: string;
  /** Latest gap − earliest gap (for a plain indicator: of the migrant value). */
  change: number;
  /** The change oriented by direction: positive means the situation of migrants improved relative to hosts. */
  favourableChange: number;
  /** For a gap indicator: the absolute gap got smaller. Null for plain indicators. */
  narrowing: boolean | null;
  /** Either end rests on a small sample. */
  smallSample: boolean;
}

export function trendOf(figures: PeriodFigure[]): TrendPoint[] {
  return [...figures]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((f) => ({ ...f, gap: gapOf(f.migrantValue, f.hostValue) }));
}

/** The measured quantity of a point: the gap for a gap indicator, the migrant value for a plain one. */
export const measureOf = (p: TrendPoint): number => p.gap ?? p.migrantValue;

export function changeOf(trend: TrendPoint[], direction: MeasureDirection): GapChange | null {
  if (trend.length < 2) return null;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const change = round4(measureOf(last) - measureOf(first));
  return {
    fromPeriod: first.period,
    toPeriod: last.period,
    change,
    favourableChange: favourable(change, direction)!,
    narrowing: first.gap === null || last.gap === null ? null : Math.abs(last.gap) < Math.abs(first.gap),
    smallSample: first.smallSample || last.smallSample,
  };
}

/**
 * Standard competition ranking ("1224"), highest score first; items without a score get null.
 * Ties share a rank; the order of equal scores is the caller's (by territory code).
 */
export function rankDescending<T>(items: T[], score: (t: T) => number | null): Map<T, number | null> {
  const ranks = new Map<T, number | null>();
  const scored = items.filter((t) => score(t) !== null).sort((a, b) => score(b)! - score(a)!);
  scored.forEach((t, i) => {
    const prev = scored[i - 1];
    ranks.set(t, i > 0 && score(prev) === score(t) ? ranks.get(prev)! : i + 1);
  });
  for (const t of items) if (!ranks.has(t)) ranks.set(t, null);
  return ranks;
}
