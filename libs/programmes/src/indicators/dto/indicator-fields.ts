import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Bound on every number an indicator holds. The columns are numeric(18, 4); keeping inputs within a
 * trillion leaves room for a gap (migrant minus host) and for the exact decimal a JSON number carries.
 */
export const INDICATOR_NUMBER_LIMIT = 1_000_000_000_000;

/** Why `value` is not an indicator number, or null if it is one. */
export function indicatorNumberProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (Math.abs(value) > INDICATOR_NUMBER_LIMIT)
    return `must be between -${INDICATOR_NUMBER_LIMIT} and ${INDICATOR_NUMBER_LIMIT}`;
  // The shortest decimal that round-trips, as JSON wrote it; exponents only appear far outside 4 decimals.
  const text = String(value);
  if (/e/i.test(text) || (text.split('.')[1] ?? '').length > 4) return 'must have at most 4 decimals';
  return null;
}

/**
 * A JSON number with at most 4 decimals within ±INDICATOR_NUMBER_LIMIT. One rule, so a bad field
 * gets one precise message rather than one per failed constraint.
 */
export function IsIndicatorNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIndicatorNumber',
      validator: {
        validate: (value: unknown) => indicatorNumberProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} ${indicatorNumberProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
}
