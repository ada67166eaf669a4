import { DomainError } from '@tandem/core';

export enum IndicatorsErrorCode {
  TerritoryExists = 'TERRITORY_EXISTS',
  TerritoryParentUnknown = 'TERRITORY_PARENT_UNKNOWN',
  ObservationImportNotCsv = 'OBSERVATION_IMPORT_NOT_CSV',
  ObservationImportInvalid = 'OBSERVATION_IMPORT_INVALID',
}

export class IndicatorsError extends DomainError<IndicatorsErrorCode> {
  constructor(code: IndicatorsErrorCode, message: string, field?: string) {
    super(code, message, field ? [{ field, message }] : undefined);
  }
}
