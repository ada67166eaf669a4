import { LibraryError } from '@tandem/core';

export enum StakeholdersErrorCode {
  OrganizationExists = 'ORGANIZATION_EXISTS',
  LastOrgAdmin = 'LAST_ORG_ADMIN',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class StakeholdersError extends LibraryError<StakeholdersErrorCode> {}
