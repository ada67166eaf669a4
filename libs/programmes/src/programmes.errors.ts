import { LibraryError } from '@tandem/core';

export enum ProgrammesErrorCode {
  ProgrammeTransitionNotAllowed = 'PROGRAMME_TRANSITION_NOT_ALLOWED',
  ProgrammeNotActive = 'PROGRAMME_NOT_ACTIVE',
  AlreadyPartner = 'ALREADY_PARTNER',
  PartnerNotInvited = 'PARTNER_NOT_INVITED',
  PartnerNotActive = 'PARTNER_NOT_ACTIVE',
  LeadPartnerFixed = 'LEAD_PARTNER_FIXED',
  NotLeadMember = 'NOT_LEAD_MEMBER',
  InvalidDateRange = 'INVALID_DATE_RANGE',
  PeriodLocked = 'PERIOD_LOCKED',
  PeriodAlreadyLocked = 'PERIOD_ALREADY_LOCKED',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class ProgrammesError extends LibraryError<ProgrammesErrorCode> {}
