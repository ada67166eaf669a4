import { LibraryError } from '@tandem/core';

export enum ConsultationsErrorCode {
  ConsultationTransitionNotAllowed = 'CONSULTATION_TRANSITION_NOT_ALLOWED',
  /** Questions and settings are frozen once the consultation opens. */
  ConsultationFrozen = 'CONSULTATION_FROZEN',
  ConsultationNotOpen = 'CONSULTATION_NOT_OPEN',
  ResponseExists = 'RESPONSE_EXISTS',
  TranslationMissing = 'TRANSLATION_MISSING',
  ConsultationIncomplete = 'CONSULTATION_INCOMPLETE',
  NotGovernment = 'NOT_GOVERNMENT',
  InvalidSchedule = 'INVALID_SCHEDULE',
  UnknownReference = 'UNKNOWN_REFERENCE',
  RespondingOrganizationRequired = 'RESPONDING_ORGANIZATION_REQUIRED',
  /** The meeting is cancelled or over, or its consultation cancelled. */
  MeetingNotAvailable = 'MEETING_NOT_AVAILABLE',
  /** Issue 20: only a published outcome can be made public. */
  OutcomeNotPublished = 'OUTCOME_NOT_PUBLISHED',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class ConsultationsError extends LibraryError<ConsultationsErrorCode> {}
