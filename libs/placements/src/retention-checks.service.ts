import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Clock, CoreError, mapPage, Page, Actor, orNotFound } from '@tandem/core';
import { CheckInsRepository } from './check-ins.repository';
import { isoDate } from './classifications';
import { AnswerCheckInDto, ListCheckInsDto } from './dto';
import { PlacementStatus, RetentionCheckStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { checkInView, CheckInView } from './placement.view';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsService } from './placements.service';
import { CheckInListItem } from './placement.view';

/** Retention check-ins: seen by whoever sees the placement, answered by the employer's members. */
@Injectable()
export class RetentionChecksService {
  constructor(
    private readonly write: DomainWrite,
    private readonly checkIns: CheckInsRepository,
    private readonly access: PlacementAccessService,
    private readonly placements: PlacementsService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filter: ListCheckInsDto): Promise<Page<CheckInListItem>> {
    return mapPage(await this.checkIns.listVisible(actor, filter), (c) => ({
      ...checkInView(c),
      employerOrganizationId: c.placement!.employerOrganizationId,
      programmeId: c.placement!.programmeId,
      jobTitle: c.placement!.jobTitle,
    }));
  }

  /**
   * The employer answers a due check-in. "Left" ends the placement on `leftOn` (if it is still
   * active), which cancels the check-ins dated after that.
   */
  async answer(actor: Actor, id: string, dto: AnswerCheckInDto): Promise<CheckInView> {
    await this.write.run(async (em) => {
      const visible = orNotFound(await this.checkIns.findVisible(em, actor, id), 'Check-in');
      // Placement first, then the check-in: the same order as ending a placement, so the two never deadlock.
      const placement = await this.placements.findVisible(actor, visible.placementId, em, true);
      const check = await this.checkIns.lock(em, id);
      if (!this.access.isMemberOf(actor, placement.employerOrganizationId)) {
        throw CoreError.forbidden("Only the employer's members answer its check-ins");
      }
      // A check-in whose date has passed is answerable even before the sweep opened it.
      const dateCame =
        check.status === RetentionCheckStatus.Scheduled && check.dueOn <= isoDate(this.clock.now());
      if (check.status !== RetentionCheckStatus.Due && !dateCame) {
        throw new PlacementsError(
          PlacementsErrorCode.CheckInNotDue,
          `This check-in is ${check.status}, not due: it cannot be answered`,
        );
      }
      if (dto.stillEmployed && dto.leftOn) {
        throw CoreError.invalid('leftOn', 'must be empty when stillEmployed is true');
      }
      if (!dto.stillEmployed) {
        const leftOn = dto.leftOn!;
        if (leftOn < placement.startDate || leftOn > isoDate(this.clock.now())) {
          throw new PlacementsError(
            PlacementsErrorCode.InvalidPlacementDate,
            `leftOn must be between the start date (${placement.startDate}) and today`,
            'leftOn',
          );
        }
      }
      const before = { status: check.status };
      check.status = RetentionCheckStatus.Answered;
      check.answeredAt = this.clock.now();
      check.answeredByUserId = actor.userId;
      check.stillEmployed = dto.stillEmployed;
      check.leftOn = dto.stillEmployed ? null : dto.leftOn!;
      check.reason = dto.reason?.trim() || null;
      await this.checkIns.save(em, check);
      await this.write.audit(em, {
        action: 'update',
        entityType: 'retention_check',
        entityId: check.id,
        before,
        // The answer itself is row-level data: the trail keeps that it was answered, not what.
        after: { status: check.status },
      });
      if (!dto.stillEmployed && placement.status === PlacementStatus.Active) {
        await this.placements.endLocked(
          em,
          placement,
          dto.leftOn!,
          check.reason ?? `left (answer to the ${check.months}-month check-in)`,
          'leftOn',
        );
      }
    });
    return checkInView(await this.checkIns.findById(id));
  }
}
