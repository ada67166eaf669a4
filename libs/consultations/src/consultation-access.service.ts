import { Injectable } from '@nestjs/common';

import { authorize, Actor, PlatformRole, orNotFound } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository';
import { Consultation, ConsultationAudience } from './entities';

export type ConsultationAction = 'read' | 'manage' | 'respond';

/** What one actor is to one consultation. */
export interface ConsultationAccess {
  consultation: Consultation;
  /** A member (any role) of the owning government organisation. */
  isOwner: boolean;
  isPlatformAdmin: boolean;
  /** The actor's organisations that may answer: invited ones, or any but the owner for all_organizations. */
  respondingOrgIds: string[];
}

/**
 * The consultation policy. Members of the owning organisation manage it; members of invited
 * organisations (any organisation for all_organizations) see it once it has been scheduled and
 * answer while it is open; platform admins read everything and change nothing. Anyone else gets
 * 404, so ids of other consultations are not revealed; 403 is for those who see but may not act.
 */
@Injectable()
export class ConsultationAccessService {
  constructor(private readonly consultations: ConsultationsRepository) {}

  async require(
    actor: Actor,
    consultationId: string,
    action: ConsultationAction,
    em: EntityManager = this.consultations.manager,
    lock: 'update' | 'share' | false = false,
  ): Promise<ConsultationAccess> {
    const consultation = orNotFound(
      await this.consultations.findForAccess(consultationId, em, lock),
      'Consultation',
    );
    const orgIds = actor.memberships.map((m) => m.organizationId);
    const isOwner = orgIds.includes(consultation.organizationId);
    const isPlatformAdmin = actor.platformRole === PlatformRole.Admin;
    let respondingOrgIds: string[] = [];
    const others = orgIds.filter((o) => o !== consultation.organizationId);
    if (consultation.announcedAt && others.length) {
      if (consultation.audience === ConsultationAudience.AllOrganizations) {
        respondingOrgIds = others;
      } else {
        respondingOrgIds = await this.consultations.invitedAmong(consultationId, others, em);
      }
    }
    authorize({
      what: 'Consultation',
      visible: isOwner || isPlatformAdmin || respondingOrgIds.length > 0,
      permitted: action === 'manage' ? isOwner : action === 'respond' ? respondingOrgIds.length > 0 : true,
      reason:
        action === 'manage'
          ? 'Only members of the owning organisation manage this consultation'
          : 'Only members of invited organisations answer this consultation',
    });
    return { consultation, isOwner, isPlatformAdmin, respondingOrgIds };
  }
}
