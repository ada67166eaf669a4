import { isISO8601, registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True for an ISO 8601 date or date-time (strict: no 30 February) that also names one instant the
 * application and PostgreSQL can both read. ISO 8601 allows forms that JavaScript's Date cannot
 * parse (ordinal "2026-051", week "2026-W05-3") and year 0000, which PostgreSQL refuses: those used
 * to pass the check and fail later as a server error or a failed job.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) return false;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** class-validator decorator for {@link isInstant}; the message is the field's own. */
export function IsInstant(options: ValidationOptions & { message: string }): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: isInstant },
    });
}
