import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, assertVersion, CoreError } from '@tandem/core';
import { UpdatePlacementDto } from './dto';
import { PlacementStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { PlacementView } from './placement.view';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

const EDITABLE = ['jobTitle', 'occupationCode', 'sector', 'contractType', 'hoursPerWeek'] as const;

/** The employer corrects an active placement's job details (If-Match: the version it read). */
@Injectable()
export class PlacementEditsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly placements: PlacementsService,
    private readonly repository: PlacementsRepository,
    private readonly access: PlacementAccessService,
  ) {}

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdatePlacementDto,
  ): Promise<PlacementView> {
    await this.write.run(async (em) => {
      const placement = await this.placements.findVisible(actor, id, em, true);
      if (!this.access.isMemberOf(actor, placement.employerOrganizationId)) {
        throw CoreError.forbidden('Only members of the employer edit its placements');
      }
      assertVersion(placement, expectedVersion, 'placement');
      if (placement.status !== PlacementStatus.Active) {
        throw new PlacementsError(
          PlacementsErrorCode.PlacementAlreadyEnded,
          `The placement ended on ${placement.endDate}: it can no longer be edited`,
        );
      }
      const next = { ...dto, ...(dto.jobTitle !== undefined ? { jobTitle: dto.jobTitle.trim() } : {}) };
      const changed = EDITABLE.filter((f) => next[f] !== undefined && next[f] !== placement[f]);
      if (!changed.length) return;
      for (const f of changed) Object.assign(placement, { [f]: next[f] });
      placement.version += 1;
      await this.repository.save(em, placement);
      await this.write.audit(em, {
        action: 'update',
        entityType: 'placement',
        entityId: placement.id,
        // Which fields changed, not their values: the job is row-level data (see placementSnapshot).
        before: { version: expectedVersion },
        after: { version: placement.version, changed },
      });
    });
    return this.placements.get(actor, id);
  }
}
