import { applyDecorators } from '@nestjs/common';
import { IsNumber, Max, Min, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Bound on every number an indicator holds. The columns are numeric(18, 4); keeping inputs within a
 * trillion leaves room for a gap (migrant minus host) and for the exact decimal a JSON number carries.
 */
export const INDICATOR_NUMBER_LIMIT = 1_000_000_000_000;

/** A finite JSON number with at most 4 decimals within ±INDICATOR_NUMBER_LIMIT, named in errors. */
export function IsIndicatorNumber(): PropertyDecorator {
  return applyDecorators(
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 },
      { message: ({ property }) => `${property} must be a number with at most 4 decimals` },
    ),
    Min(-INDICATOR_NUMBER_LIMIT, {
      message: ({ property }) => `${property} must be at least -${INDICATOR_NUMBER_LIMIT}`,
    }),
    Max(INDICATOR_NUMBER_LIMIT, {
      message: ({ property }) => `${property} must be at most ${INDICATOR_NUMBER_LIMIT}`,
    }),
  );
}

/** True for a real calendar date written YYYY-MM-DD (so 2027-02-30 is refused, not a database error). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
}
