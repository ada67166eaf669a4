import { toNumber, toNumberOrNull } from './indicator.view';

/** An indicator's latest reported value, as the dashboard and the programme's evidence show it. */
export interface LatestValue {
  periodStart: string;
  periodEnd: string;
  value: number;
  migrantValue: number | null;
  hostValue: number | null;
}

/**
 * The columns of an indicator's latest value as a query returns them (numeric as decimal strings,
 * dates as text), all null when no value was reported.
 */
export interface LatestValueColumns {
  period_start: string | null;
  period_end: string | null;
  value: string | null;
  migrant_value: string | null;
  host_value: string | null;
}

/** The latest value in a row read with LatestValueColumns; null when none was reported. */
export function latestValueOf(r: LatestValueColumns): LatestValue | null {
  return r.value === null
    ? null
    : {
        periodStart: r.period_start!,
        periodEnd: r.period_end!,
        value: toNumber(r.value),
        migrantValue: toNumberOrNull(r.migrant_value),
        hostValue: toNumberOrNull(r.host_value),
      };
}
