import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, assertVersion, CoreError } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { CheckInsRepository } from './check-ins.repository';
import { addMonths } from './classifications';
import { UpdatePlacementDto } from './dto';
import { CHECK_IN_MONTHS, Placement, PlacementStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { PlacementView } from './placement.view';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

const JOB_FIELDS = ['jobTitle', 'occupationCode', 'sector', 'contractType', 'hoursPerWeek'] as const;
const EDITABLE = [...JOB_FIELDS, 'startDate'] as const;

/**
 * The employer corrects a placement (If-Match: the version it read): the job details while it is
 * active; the start date while active and after it ended too, since retention is counted from it
 * and the mistake often shows at a check-in or at the end. Moving the start date moves the
 * unanswered check-ins in the same transaction (CheckInsRepository.reschedule).
 */
@Injectable()
export class PlacementEditsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly placements: PlacementsService,
    private readonly repository: PlacementsRepository,
    private readonly checkIns: CheckInsRepository,
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
      // Once ended, only a request that brings a start date and no job field goes on (anything
      // else is the 409 it always was).
      const startDateOnly = dto.startDate !== undefined && JOB_FIELDS.every((f) => dto[f] === undefined);
      if (placement.status !== PlacementStatus.Active && !startDateOnly) {
        throw new PlacementsError(
          PlacementsErrorCode.PlacementAlreadyEnded,
          `The placement ended on ${placement.endDate}: its job details can no longer be edited (its start date can)`,
        );
      }
      const next = { ...dto, ...(dto.jobTitle !== undefined ? { jobTitle: dto.jobTitle.trim() } : {}) };
      const changed = EDITABLE.filter((f) => next[f] !== undefined && next[f] !== placement[f]);
      if (!changed.length) return;
      const movesStart = next.startDate !== undefined && changed.includes('startDate');
      if (movesStart) await this.assertStartDateFree(em, placement, next.startDate!);
      for (const f of changed) Object.assign(placement, { [f]: next[f] });
      placement.version += 1;
      await this.repository.save(em, placement);
      if (movesStart) {
        await this.checkIns.reschedule(
          em,
          placement.id,
          CHECK_IN_MONTHS.map((months) => ({ months, dueOn: addMonths(placement.startDate, months) })),
          placement.endDate,
        );
      }
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

  /**
   * The rules of a new start date: the range logging takes (422), not after the end date (422),
   * not a day another placement of the participant at this employer starts (409, the import's rule).
   */
  private async assertStartDateFree(em: EntityManager, placement: Placement, startDate: string) {
    this.placements.assertStartDate(startDate);
    if (placement.endDate !== null && startDate > placement.endDate) {
      throw new PlacementsError(
        PlacementsErrorCode.InvalidPlacementDate,
        `startDate cannot be after the end date (${placement.endDate})`,
        'startDate',
      );
    }
    if (await this.repository.otherStartsOn(em, placement, startDate)) {
      throw new PlacementsError(
        PlacementsErrorCode.PlacementAlreadyLogged,
        'startDate: a placement of this participant starting on this date is already logged',
        'startDate',
      );
    }
  }
}
