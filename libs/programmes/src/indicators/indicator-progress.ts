import { IndicatorDirection, IndicatorKind } from '../entities';

export interface IndicatorProgress {
  /** The share of the way from baseline to target, clamped to [0, 1]. */
  progress: number;
  /** The same ratio unclamped: below 0 when the value moved away from the target, above 1 past it. */
  progressRaw: number;
}

/** Ratios are rounded to 6 decimals, so the API never shows binary floating-point noise. */
export const roundRatio = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

/**
 * How far an indicator has come, from its latest value. A plain indicator moves from baseline to
 * target: (latest − baseline) / (target − baseline). A gap indicator's baseline, target and values
 * are gaps (migrant − host) and integration succeeds as the gap narrows, whichever side it is on, so
 * the ratio is taken on absolute gaps: (|baseline| − |latest|) / (|baseline| − |target|).
 * Null when there is no value yet (or, for definitions the API refuses, no distance to cover).
 */
export function indicatorProgress(
  kind: IndicatorKind,
  baseline: number,
  target: number,
  latest: number | null,
): IndicatorProgress | null {
  if (latest === null) return null;
  const [from, to, at] =
    kind === IndicatorKind.Gap
      ? [Math.abs(baseline), Math.abs(target), Math.abs(latest)]
      : [baseline, target, latest];
  if (to === from) return null;
  const raw = roundRatio((at - from) / (to - from));
  return { progress: Math.min(1, Math.max(0, raw)), progressRaw: raw };
}

/**
 * Why a definition cannot be measured, or null if it can: `direction` must agree with baseline and
 * target, and a gap indicator's target gap must be narrower than its baseline gap.
 */
export function definitionProblem(def: {
  kind: IndicatorKind;
  baseline: number;
  target: number;
  direction: IndicatorDirection;
}): { field: 'target'; message: string } | null {
  if (def.target === def.baseline) return { field: 'target', message: 'target must differ from baseline' };
  if (def.kind === IndicatorKind.Gap && Math.abs(def.target) >= Math.abs(def.baseline)) {
    return {
      field: 'target',
      message:
        'target must be a narrower gap than baseline (closer to 0): a gap indicator measures a gap closing',
    };
  }
  const rises = def.target > def.baseline;
  if (def.direction === IndicatorDirection.Increase && !rises)
    return { field: 'target', message: 'target must be above baseline when direction is increase' };
  if (def.direction === IndicatorDirection.Decrease && rises)
    return { field: 'target', message: 'target must be below baseline when direction is decrease' };
  return null;
}
