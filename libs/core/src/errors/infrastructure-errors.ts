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

/** Messages of node-postgres and pg-pool when PostgreSQL is gone or the pool cannot connect. */
const PG_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /Client has encountered a connection error and is not queryable/i,
];

/** Those of PostgreSQL, and ioredis's (and the sockets') when the server is gone. */
const MESSAGES = [
  ...PG_MESSAGES,
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
  return anyInChain(
    err,
    (e) =>
      (typeof e.code === 'string' && (PG_UNAVAILABLE.test(e.code) || NET_CODES.has(e.code))) ||
      e.name === 'MaxRetriesPerRequestError' ||
      messageMatches(e, MESSAGES) ||
      // AggregateError (node's happy-eyeballs connect): any of its errors.
      (Array.isArray(e.errors) && e.errors.some((x) => isInfrastructureError(x))),
  );
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

/**
 * Narrower than isInfrastructureError: PostgreSQL itself is unreachable (not an SMTP server or a
 * webhook receiver refusing a connection, which the job's own retry policy handles). A refused
 * connection counts only when it was to `databasePort`.
 */
export function isDatabaseUnavailable(err: unknown, databasePort?: number): boolean {
  return anyInChain(
    err,
    (e) =>
      (typeof e.code === 'string' && PG_UNAVAILABLE.test(e.code)) ||
      messageMatches(e, PG_MESSAGES) ||
      (e.code === 'ECONNREFUSED' && databasePort !== undefined && e.port === databasePort),
  );
}

/** What the checks read of an error (any error object, a driver's or a socket's). */
interface ErrorLike {
  code?: unknown;
  name?: unknown;
  port?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether `test` holds for `err` or anything in its `driverError` / `cause` chain, six deep at most
 * and each object once. A domain error on the way answers false: it is never the infrastructure's.
 */
function anyInChain(err: unknown, test: (e: ErrorLike) => boolean): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    if (seen.has(current)) break;
    seen.add(current);
    if (current instanceof DomainError) return false;
    const e = current as ErrorLike;
    if (test(e)) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}

function messageMatches(e: ErrorLike, messages: RegExp[]): boolean {
  return typeof e.message === 'string' && messages.some((m) => m.test(e.message as string));
}
