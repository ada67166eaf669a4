export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every expected failure is a DomainError with a string code. The API maps each code to an HTTP
 * status with an exhaustive switch (apps/api/src/http/error-codes.ts), so a new code that is not
 * mapped fails to compile.
 */
export abstract class DomainError<C extends string = string> extends Error {
  protected constructor(
    readonly code: C,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The base of each library's error class (`ProgrammesError`, `TasksError`…): a code of the
 * library's enum, a message, and optionally the request field at fault, reported in the
 * problem's `errors` so a form can point at it.
 */
export abstract class LibraryError<C extends string> extends DomainError<C> {
  constructor(code: C, message: string, field?: string, headers?: Record<string, string>) {
    super(code, message, field ? [{ field, message }] : undefined, headers);
  }
}

export enum CoreErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedRequest = 'MALFORMED_REQUEST',
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  RateLimited = 'RATE_LIMITED',
  VersionMismatch = 'VERSION_MISMATCH',
  PreconditionRequired = 'PRECONDITION_REQUIRED',
  Conflict = 'CONFLICT',
  /** PostgreSQL or Redis unreachable: 503 with Retry-After, never an auth failure. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export class CoreError extends DomainError<CoreErrorCode> {
  constructor(code: CoreErrorCode, message: string, errors?: FieldError[], headers?: Record<string, string>) {
    super(code, message, errors, headers);
  }

  static notFound(what: string): CoreError {
    return new CoreError(CoreErrorCode.NotFound, `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): CoreError {
    return new CoreError(CoreErrorCode.Forbidden, message);
  }

  static invalid(field: string, message: string): CoreError {
    return new CoreError(CoreErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);
  }
}
