import { LibraryError } from '@tandem/core';

export enum IndicatorsErrorCode {
  TerritoryExists = 'TERRITORY_EXISTS',
  TerritoryParentUnknown = 'TERRITORY_PARENT_UNKNOWN',
  ObservationImportNotCsv = 'OBSERVATION_IMPORT_NOT_CSV',
  ObservationImportInvalid = 'OBSERVATION_IMPORT_INVALID',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class IndicatorsError extends LibraryError<IndicatorsErrorCode> {}
