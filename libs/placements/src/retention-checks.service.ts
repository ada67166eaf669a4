import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';

import { Clock, CoreError, mapPage, Page, paginate, TransactionService, Actor } from '@tandem/core';
import { DataSource } from 'typeorm';
import { isoDate } from './classifications';
import { AnswerCheckInDto, ListCheckInsDto } from './dto';
import { Placement, PlacementStatus, RetentionCheck, RetentionCheckStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { checkInView, CheckInView } from './placement.view';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsService } from './placements.service';

export interface CheckInListItem extends CheckInView {
  employerOrganizationId: string;
  programmeId: string | null;
  jobTitle: string;
}

/** Retention check-ins: seen by whoever sees the placement, answered by the employer's members. */
@Injectable()
export class RetentionChecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly access: PlacementAccessService,
    private readonly placements: PlacementsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filter: ListCheckInsDto): Promise<Page<CheckInListItem>> {
    const qb = this.access.scopePlacements(
      this.dataSource
        .getRepository(RetentionCheck)
        .createQueryBuilder('rc')
        .innerJoinAndSelect('rc.placement', 'pl'),
      actor,
      'pl',
    );
    if (filter.status) qb.andWhere('rc.status = :status', { status: filter.status });
    if (filter.placementId)
      qb.andWhere('rc.placement_id = :placementId', { placementId: filter.placementId });
    const page = await paginate(qb, {
      keys: ['rc.due_on', 'rc.id'],
      direction: 'ASC',
      cursorOf: (c) => [c.dueOn, c.id],
      query: filter,
    });
    return mapPage(page, (c) => ({
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
    await this.tx.run(async (em) => {
      const visible = await this.access
        .scopePlacements(
          em
            .getRepository(RetentionCheck)
            .createQueryBuilder('rc')
            .innerJoin(Placement, 'pl', 'pl.id = rc.placement_id')
            .where('rc.id = :id', { id }),
          actor,
          'pl',
        )
        .getOne();
      if (!visible) throw CoreError.notFound('Check-in');
      // Placement first, then the check-in: the same order as ending a placement, so the two never deadlock.
      const placement = await this.placements.findVisible(actor, visible.placementId, em, true);
      const check = await em.findOneOrFail(RetentionCheck, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!this.access.isMemberOf(actor, placement.employerOrganizationId)) {
        throw CoreError.forbidden("Only the employer's members answer its check-ins");
      }
      if (check.status !== RetentionCheckStatus.Due) {
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
      await em.save(RetentionCheck, check);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'retention_check',
        entityId: check.id,
        before,
        after: { status: check.status, stillEmployed: check.stillEmployed, leftOn: check.leftOn },
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
    return checkInView(await this.dataSource.getRepository(RetentionCheck).findOneByOrFail({ id }));
  }
}
