import { Injectable } from '@nestjs/common';
import { Actor, TransactionService } from '@tandem/core';
import { RegisterPlacementDto } from './dto';
import { ParticipantsService } from './participants.service';
import { PlacementView } from './placement.view';
import { PlacementsService } from './placements.service';

/**
 * Registering the person and logging their placement as one step: one transaction, so a refused
 * placement (a wrong occupation code, a programme the employer is not in) leaves no registered person
 * behind, and a retry cannot register them twice.
 */
@Injectable()
export class PlacementRegistrationService {
  constructor(
    private readonly tx: TransactionService,
    private readonly participants: ParticipantsService,
    private readonly placements: PlacementsService,
  ) {}

  async register(actor: Actor, dto: RegisterPlacementDto): Promise<PlacementView> {
    const { participant, ...job } = dto;
    const id = await this.tx.run(async (em) => {
      const participantId = await this.participants.registerIn(em, actor, {
        ...participant,
        organizationId: job.employerOrganizationId,
        ...(job.programmeId ? { programmeId: job.programmeId } : {}),
      });
      return this.placements.createIn(em, actor, { ...job, participantId });
    });
    return this.placements.get(actor, id);
  }
}
