import { CoreError, validationFailed, Actor } from '@tandem/core';
import { Indicator, IndicatorKind, Programme } from '../entities';
import { ProgrammeAccess } from '../programme-access.service';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';
import { ReportIndicatorValueDto } from './dto/report-indicator-value.dto';

/** The numbers to store for one reported value; `value` of a gap is computed by the database. */
export type ValueFields =
  | { kind: IndicatorKind.Plain; value: number }
  | { kind: IndicatorKind.Gap; migrantValue: number; hostValue: number };

/**
 * Which number fields a report must carry depends on the indicator: a plain one takes `value`, a gap
 * one takes `migrantValue` and `hostValue` (its value is the gap between them). Each missing or
 * misplaced field is named.
 */
export function valueFieldsFor(
  indicator: Pick<Indicator, 'kind'>,
  dto: ReportIndicatorValueDto,
): ValueFields {
  const errors: { field: string; message: string }[] = [];
  const missing = (field: string) =>
    errors.push({ field, message: `${field} is required for a ${indicator.kind} indicator` });
  const misplaced = (field: string) =>
    errors.push({ field, message: `${field} does not apply to a ${indicator.kind} indicator` });
  if (indicator.kind === IndicatorKind.Gap) {
    if (dto.value !== undefined) misplaced('value');
    if (dto.migrantValue === undefined) missing('migrantValue');
    if (dto.hostValue === undefined) missing('hostValue');
    if (errors.length) throw validationFailed(errors);
    return { kind: IndicatorKind.Gap, migrantValue: dto.migrantValue!, hostValue: dto.hostValue! };
  }
  if (dto.value === undefined) missing('value');
  if (dto.migrantValue !== undefined) misplaced('migrantValue');
  if (dto.hostValue !== undefined) misplaced('hostValue');
  if (errors.length) throw validationFailed(errors);
  return { kind: IndicatorKind.Plain, value: dto.value! };
}

/**
 * The organisation a value is reported for: one of the caller's organisations that works the
 * programme (a working partner; for a manager, the lead organisation too). Someone in several must
 * say which.
 */
export function reportingOrganization(
  actor: Actor,
  access: Pick<ProgrammeAccess, 'isManager' | 'workingPartnerOrgIds'> & {
    programme: Pick<Programme, 'leadOrganizationId'>;
  },
  requested: string | undefined,
): string {
  const candidates = new Set(access.workingPartnerOrgIds);
  const lead = access.programme.leadOrganizationId;
  if (access.isManager && actor.memberships.some((m) => m.organizationId === lead)) candidates.add(lead);
  if (requested !== undefined) {
    if (!candidates.has(requested)) {
      throw CoreError.invalid(
        'organizationId',
        'must be one of your organisations that is a working partner of this programme',
      );
    }
    return requested;
  }
  if (candidates.size === 1) return [...candidates][0];
  if (candidates.size === 0) {
    // A named manager who has since left the lead organisation: manages, but reports for no one.
    throw CoreError.forbidden('You are not a member of any organisation working this programme');
  }
  throw CoreError.invalid(
    'organizationId',
    `is required: you belong to ${candidates.size} organisations working this programme; say which one you report for`,
  );
}

/** A period ends on or after the day it starts. */
export function assertPeriod(periodStart: string, periodEnd: string): void {
  // YYYY-MM-DD strings compare like the dates they name.
  if (periodEnd < periodStart) {
    throw new ProgrammesError(
      ProgrammesErrorCode.InvalidDateRange,
      'periodEnd must be on or after periodStart',
      'periodEnd',
    );
  }
}
