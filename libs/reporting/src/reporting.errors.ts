import { DomainError, FieldError } from '@tandem/core';

export enum ReportingErrorCode {
  /** The report is queued or running (or failed): there is no file to download yet. */
  ReportNotReady = 'REPORT_NOT_READY',
  /** The report's file was deleted after the retention period. */
  ReportExpired = 'REPORT_EXPIRED',
  /** A schedule recipient may not see what the report shows. */
  RecipientNotAllowed = 'RECIPIENT_NOT_ALLOWED',
}

export class ReportingError extends DomainError<ReportingErrorCode> {
  constructor(code: ReportingErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, errors);
  }
}

/**
 * A build that cannot succeed however often it is retried (the requester lost access, the
 * parameters point at something gone): the report ends failed with this message as its reason.
 */
export class ReportRefused extends Error {}
