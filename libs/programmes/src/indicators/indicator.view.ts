import {
  Indicator,
  IndicatorDirection,
  IndicatorKind,
  IndicatorValue,
  ReportingPeriodLock,
} from '../entities';

/**
 * PostgreSQL numeric comes back as a decimal string. Indicator figures are measurements, not money,
 * and at most 4 decimals within ±10^12 (see INDICATOR_NUMBER_LIMIT), so a JSON number holds them
 * exactly; the API returns them as numbers.
 */
export const toNumber = (decimal: string): number => Number(decimal);
export const toNumberOrNull = (decimal: string | null): number | null =>
  decimal === null ? null : Number(decimal);

export class IndicatorView {
  id!: string;
  programmeId!: string;
  name!: string;
  dimension!: string;
  unit!: string;
  kind!: IndicatorKind;
  baseline!: number;
  target!: number;
  direction!: IndicatorDirection;
  /** The framework indicator it adopts (its definition below); null for the programme's own. */
  frameworkIndicatorCode!: string | null;
  definition!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;
}

export class IndicatorValueView {
  id!: string;
  indicatorId!: string;
  periodStart!: string;
  periodEnd!: string;
  /** For a gap indicator: the gap, migrantValue − hostValue. */
  value!: number;
  migrantValue!: number | null;
  hostValue!: number | null;
  note!: string | null;
  reportedByUserId!: string;
  reportedByOrganizationId!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export class PeriodLockView {
  id!: string;
  programmeId!: string;
  periodStart!: string;
  periodEnd!: string;
  lockedByUserId!: string;
  lockedAt!: Date;
}

/** What the audit trail keeps of an indicator definition (its view holds the same and more). */
export function indicatorSnapshot(i: Indicator) {
  return {
    programmeId: i.programmeId,
    name: i.name,
    dimension: i.dimension,
    unit: i.unit,
    kind: i.kind,
    baseline: toNumber(i.baseline),
    target: toNumber(i.target),
    direction: i.direction,
    frameworkIndicatorCode: i.frameworkIndicatorCode,
  };
}

export function indicatorView(i: Indicator): IndicatorView {
  return {
    id: i.id,
    ...indicatorSnapshot(i),
    definition: i.definition,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: i.version,
  };
}

export function indicatorValueView(v: IndicatorValue): IndicatorValueView {
  return {
    id: v.id,
    ...reportedFields(v),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

/** What the audit trail keeps of a reported value. */
export function indicatorValueSnapshot(v: IndicatorValue): Record<string, unknown> {
  return reportedFields(v);
}

/** What a partner reported, and who: shared by the value's view and its audit snapshot. */
function reportedFields(v: IndicatorValue) {
  return {
    indicatorId: v.indicatorId,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    value: toNumber(v.value),
    migrantValue: toNumberOrNull(v.migrantValue),
    hostValue: toNumberOrNull(v.hostValue),
    note: v.note,
    reportedByUserId: v.reportedByUserId,
    reportedByOrganizationId: v.reportedByOrganizationId,
  };
}

export function periodLockView(l: ReportingPeriodLock): PeriodLockView {
  return {
    id: l.id,
    programmeId: l.programmeId,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    lockedByUserId: l.lockedByUserId,
    lockedAt: l.lockedAt,
  };
}

export class ReportedValue {
  value!: IndicatorValueView;
  /** False when the report corrected the value already there for that period. */
  created!: boolean;
}
