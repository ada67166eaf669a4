import { Programme } from '../entities';
import { ProgrammeAccess } from '../programme-access.service';

/*
 * A plain test double for the unit specs of services that decide on a programme's access (no Jest
 * in here, so the file is harmless in a build).
 */

/** The access of a caller with no role in `programme` (not an admin, manager or partner) unless given. */
export const programmeAccessOf = (
  programme: Programme,
  over: Partial<ProgrammeAccess> = {},
): ProgrammeAccess => ({
  programme,
  isPlatformAdmin: false,
  isManager: false,
  activePartnerOrgIds: [],
  workingPartnerOrgIds: [],
  invitedOrgIds: [],
  ...over,
});
