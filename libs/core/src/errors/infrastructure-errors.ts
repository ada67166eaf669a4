import { CoreError, CoreErrorCode, DomainError } from './domain-error';

/** Seconds a client is told to wait (`Retry-After`) when PostgreSQL or Redis is unavailable. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * SQLSTATE classes and codes that mean "the database is not there right now", not "your request is
 * wrong": connection exceptions (08xxx), the server shutting down or starting (57P01–57P03), too
 * many connections (53300), and a standby that cannot take writes (25006 read_only_sql_transaction
 * during a failover).
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300|53400|25006)$/;

/** Socket-level failures of any dependency (PostgreSQL, Redis). */
const NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Messages of node-postgres, pg-pool and ioredis when the server is gone or the pool cannot connect. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /Reached the max retries per request limit/i,
  /connect ECONNREFUSED/i,
  /read ECONNRESET/i,
  /Command timed out/i,
  /Driver not Connected/i,
];

/**
 * True when `err` (or anything in its `cause` / `driverError` chain) says that PostgreSQL or Redis
 * is unreachable. Such a failure is the service's, not the caller's: it becomes 503 with
 * `Retry-After`, never 401 or 500. Domain errors are never infrastructure errors.
 */
export function isInfrastructureError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    if (seen.has(current)) break;
    seen.add(current);
    if (current instanceof DomainError) return false;
    const e = current as {
      code?: unknown;
      errno?: unknown;
      name?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof e.code === 'string' && (PG_UNAVAILABLE.test(e.code) || NET_CODES.has(e.code))) return true;
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
    // AggregateError (node's happy-eyeballs connect): any of its errors.
    if (Array.isArray(e.errors) && e.errors.some((x) => isInfrastructureError(x))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}

/** The domain error an infrastructure failure becomes at the HTTP edge: 503 with `Retry-After`. */
export function serviceUnavailable(): CoreError {
  return new CoreError(
    CoreErrorCode.ServiceUnavailable,
    'A service Tandem depends on is unavailable for a moment; nothing was lost. Retry shortly.',
    undefined,
    { 'Retry-After': String(SERVICE_UNAVAILABLE_RETRY_AFTER_S) },
  );
}

const PG_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error and is not queryable/i,
];

/**
 * Narrower than isInfrastructureError: PostgreSQL itself is unreachable (not an SMTP server or a
 * webhook receiver refusing a connection, which the job's own retry policy handles). A refused
 * connection counts only when it was to `databasePort`.
 */
export function isDatabaseUnavailable(err: unknown, databasePort?: number): boolean {
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    if (current instanceof DomainError) return false;
    const e = current as {
      code?: unknown;
      port?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof e.code === 'string' && PG_UNAVAILABLE.test(e.code)) return true;
    if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) return true;
    if (e.code === 'ECONNREFUSED' && databasePort !== undefined && e.port === databasePort) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
