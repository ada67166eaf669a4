import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Invitation } from './entities';
import { invitationToken } from './invitation-token';
import { invitationStatus } from './invitations.service';

export interface PendingInvitation {
  id: string;
  email: string;
  organizationId: string;
  role: Invitation['role'];
  language: string;
  expiresAt: Date;
  inviterName: string | null;
  /** The secret part of the accept link. */
  token: string;
}

@Injectable()
export class InvitationReader {
  /**
   * What other libraries may read of invitations (notifications sends the e-mail): the invitation if
   * it is still pending at `now`, else null.
   */
  async pending(
    em: EntityManager,
    id: string,
    now: Date,
    tokenSecret: string,
  ): Promise<PendingInvitation | null> {
    const invitation = await em.findOne(Invitation, { where: { id }, relations: { invitedBy: true } });
    if (!invitation || invitationStatus(invitation, now) !== 'pending') return null;
    return {
      id: invitation.id,
      email: invitation.email,
      organizationId: invitation.organizationId,
      role: invitation.role,
      language: invitation.language,
      expiresAt: invitation.expiresAt,
      inviterName: invitation.invitedBy?.name ?? null,
      token: invitationToken(tokenSecret, invitation.id),
    };
  }
}
