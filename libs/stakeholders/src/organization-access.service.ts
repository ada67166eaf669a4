import { Injectable } from '@nestjs/common';
import { Actor, adminOrgIds, authorize, isPlatformAdmin, memberOrgIds } from '@tandem/core';

export type OrganizationAction = 'read' | 'update' | 'manageMembers' | 'invite';

/**
 * Who may do what to one organisation. The directory (names, kinds, places) is open to every
 * signed-in user so partners can find each other; the record itself (contact, members) is seen by
 * its members; its admins edit it, manage its members and invite. Platform admins do anything.
 * Anyone else gets 404 for the organisation, never 403 (see `authorize`).
 */
@Injectable()
export class OrganizationAccessService {
  canCreate(actor: Actor): boolean {
    return isPlatformAdmin(actor);
  }

  assertCanCreate(actor: Actor): void {
    authorize({
      what: 'Organization',
      visible: true,
      permitted: this.canCreate(actor),
      reason: 'Only platform admins create organisations',
    });
  }

  assert(actor: Actor, organizationId: string, action: OrganizationAction): void {
    const admin = isPlatformAdmin(actor);
    authorize({
      what: 'Organization',
      visible: admin || memberOrgIds(actor).includes(organizationId),
      permitted: action === 'read' || admin || adminOrgIds(actor).includes(organizationId),
      reason:
        action === 'update'
          ? 'Only the organisation admins may edit it'
          : 'Only the organisation admins may manage its members and invitations',
    });
  }
}
