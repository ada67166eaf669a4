import { QueryFailedError } from 'typeorm';

interface PgDriverError {
  code?: string;
  constraint?: string;
}

/** True when `err` is a unique-constraint violation, optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = (err as QueryFailedError & { driverError?: PgDriverError }).driverError;
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
