import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { isUniqueViolation, mapPage, Page, PageQueryDto, Actor, orNotFound } from '@tandem/core';
import { ReportingPeriodLock } from '../entities';
import { ProgrammeAccessService } from '../programme-access.service';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { LockPeriodDto } from './dto/lock-period.dto';
import { PeriodLockView, periodLockView } from './indicator.view';
import { assertProgrammeOpen } from './programme-open';
import { assertPeriod } from './reporting';

/**
 * Reporting-period locks: once a period is reported on (a report sent to a funder, say), a manager
 * locks it and no indicator value overlapping it can be created or corrected until it is unlocked.
 */
@Injectable()
export class PeriodLocksService {
  constructor(
    private readonly values: IndicatorValuesRepository,
    private readonly write: DomainWrite,
    private readonly access: ProgrammeAccessService,
  ) {}

  async lock(actor: Actor, programmeId: string, dto: LockPeriodDto): Promise<PeriodLockView> {
    return this.write.run(async (em) => {
      // The programme row lock orders this against value reports, which hold it while they check locks.
      const { programme } = await this.access.require(actor, programmeId, 'manage', em, true);
      assertProgrammeOpen(programme);
      assertPeriod(dto.periodStart, dto.periodEnd);
      let lock: ReportingPeriodLock;
      try {
        lock = await em.save(
          ReportingPeriodLock,
          em.create(ReportingPeriodLock, {
            programmeId,
            periodStart: dto.periodStart,
            periodEnd: dto.periodEnd,
            lockedByUserId: actor.userId,
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err, 'uq_reporting_period_locks_period')) {
          throw new ProgrammesError(
            ProgrammesErrorCode.PeriodAlreadyLocked,
            `The period ${dto.periodStart} to ${dto.periodEnd} is already locked`,
          );
        }
        throw err;
      }
      await this.write.auditCreate(em, 'reporting_period_lock', lock.id, {
        programmeId,
        periodStart: lock.periodStart,
        periodEnd: lock.periodEnd,
      });
      return periodLockView(lock);
    });
  }

  async unlock(actor: Actor, programmeId: string, lockId: string): Promise<void> {
    await this.write.run(async (em) => {
      const { programme } = await this.access.require(actor, programmeId, 'manage', em, true);
      assertProgrammeOpen(programme);
      const lock = orNotFound(
        await em.findOneBy(ReportingPeriodLock, { id: lockId, programmeId }),
        'Period lock',
      );
      await em.delete(ReportingPeriodLock, { id: lockId });
      await this.write.auditDelete(em, 'reporting_period_lock', lock.id, {
        programmeId,
        periodStart: lock.periodStart,
        periodEnd: lock.periodEnd,
        lockedByUserId: lock.lockedByUserId,
        lockedAt: lock.lockedAt,
      });
    });
  }

  async list(actor: Actor, programmeId: string, query: PageQueryDto): Promise<Page<PeriodLockView>> {
    await this.access.require(actor, programmeId, 'read');
    return mapPage(await this.values.locksOfProgramme(programmeId, query), periodLockView);
  }
}
