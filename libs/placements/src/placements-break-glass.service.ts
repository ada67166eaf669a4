import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, CoreError, PlatformRole, orNotFound } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { Participant, Placement, RetentionCheck } from './entities';
import { participantView, ParticipantView } from './participant.view';
import { placementView, PlacementView } from './placement.view';

/**
 * Break glass: a platform admin who must inspect one row-level record (a complaint, a data-subject
 * request) reads it here, one record at a time, giving a reason. The read and its reason are written
 * to the audit trail in the same transaction, before the record is returned: no audit row, no data.
 */
@Injectable()
export class PlacementsBreakGlassService {
  constructor(private readonly write: DomainWrite) {}

  async placement(actor: Actor, id: string, reason: string): Promise<PlacementView> {
    this.assertAdmin(actor);
    return this.write.run(async (em) => {
      const placement = orNotFound(
        await em.findOne(Placement, { where: { id }, relations: { participant: true } }),
        'Placement',
      );
      await this.record(em, 'placement', id, reason);
      return placementView(placement, await em.findBy(RetentionCheck, { placementId: id }));
    });
  }

  async participant(actor: Actor, id: string, reason: string): Promise<ParticipantView> {
    this.assertAdmin(actor);
    return this.write.run(async (em) => {
      const participant = orNotFound(await em.findOneBy(Participant, { id }), 'Participant');
      await this.record(em, 'participant', id, reason);
      return participantView(participant);
    });
  }

  private assertAdmin(actor: Actor): void {
    if (actor.platformRole !== PlatformRole.Admin)
      throw CoreError.forbidden('Only platform admins break the glass, and every read is audited');
  }

  private record(em: EntityManager, entityType: string, entityId: string, reason: string) {
    return this.write.audit(em, {
      action: 'read',
      entityType,
      entityId,
      after: { breakGlass: true, reason },
    });
  }
}
