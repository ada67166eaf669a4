import { LibraryError } from '@tandem/core';

export enum PlacementsErrorCode {
  /** The employer is not an active partner of the programme named. */
  EmployerNotProgrammePartner = 'EMPLOYER_NOT_PROGRAMME_PARTNER',
  /** The participant is not one this employer may place (or was erased). */
  ParticipantNotPlaceable = 'PARTICIPANT_NOT_PLACEABLE',
  /** The organisation named is not an employer, or cannot register participants. */
  OrganizationCannotDoThis = 'ORGANIZATION_CANNOT_DO_THIS',
  PlacementAlreadyEnded = 'PLACEMENT_ALREADY_ENDED',
  CheckInNotDue = 'CHECK_IN_NOT_DUE',
  ParticipantErased = 'PARTICIPANT_ERASED',
  InvalidPlacementDate = 'INVALID_PLACEMENT_DATE',
  /** Another placement of the participant at this employer starts that day (the import's duplicate rule). */
  PlacementAlreadyLogged = 'PLACEMENT_ALREADY_LOGGED',
  /** The upload is not a CSV text file. */
  ImportNotCsv = 'IMPORT_NOT_CSV',
  /** The upload has more rows (or bytes) than one import takes. */
  ImportTooLarge = 'IMPORT_TOO_LARGE',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class PlacementsError extends LibraryError<PlacementsErrorCode> {}
