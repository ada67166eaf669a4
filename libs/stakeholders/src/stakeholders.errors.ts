import { DomainError } from '@tandem/core';

export enum StakeholdersErrorCode {
  OrganizationExists = 'ORGANIZATION_EXISTS',
  LastOrgAdmin = 'LAST_ORG_ADMIN',
}

export class StakeholdersError extends DomainError<StakeholdersErrorCode> {
  constructor(code: StakeholdersErrorCode, message: string) {
    super(code, message);
  }
}
