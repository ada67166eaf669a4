import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { mapPage, Page, PageQueryDto, Actor } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { IndicatorKind } from '../entities';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';
import { ReportIndicatorValueDto } from './dto/report-indicator-value.dto';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { IndicatorsService } from './indicators.service';
import { IndicatorValueView, indicatorValueSnapshot, indicatorValueView } from './indicator.view';
import { assertProgrammeOpen } from './programme-open';
import { assertPeriod, reportingOrganization, valueFieldsFor } from './reporting';
import { ReportedValue } from './indicator.view';

/** Values of indicators, one per indicator and period, reported by the partners working the programme. */
@Injectable()
export class IndicatorValuesService {
  constructor(
    private readonly values: IndicatorValuesRepository,
    private readonly write: DomainWrite,
    private readonly indicators: IndicatorsService,
  ) {}

  /**
   * Records the value of a period, or corrects it if one is there (the correction is audited as an
   * update). Refused while a locked reporting period overlaps the period.
   */
  async report(actor: Actor, indicatorId: string, dto: ReportIndicatorValueDto): Promise<ReportedValue> {
    return this.write.run(async (em) => {
      // The programme row stays locked until commit: locking a period takes the same row lock, so
      // a lock cannot slip in between the check below and the write.
      const { indicator, access } = await this.indicators.requireIndicator(
        actor,
        indicatorId,
        'work',
        em,
        true,
      );
      assertProgrammeOpen(access.programme);
      const organizationId = reportingOrganization(actor, access, dto.organizationId);
      const fields = valueFieldsFor(indicator, dto);
      assertPeriod(dto.periodStart, dto.periodEnd);
      await this.assertUnlocked(em, indicator.programmeId, dto.periodStart, dto.periodEnd);

      const existing = await this.values.findForPeriod(em, indicatorId, dto.periodStart, dto.periodEnd);
      const numbers =
        fields.kind === IndicatorKind.Gap
          ? [null, String(fields.migrantValue), String(fields.hostValue)]
          : [String(fields.value), null, null];
      const write = {
        numbers,
        note: dto.note ?? null,
        reportedByUserId: actor.userId,
        reportedByOrganizationId: organizationId,
      };
      const id = existing
        ? (await this.values.update(em, existing.id, write), existing.id)
        : await this.values.insert(em, indicatorId, dto.periodStart, dto.periodEnd, write);
      const saved = await this.values.findById(em, id);
      await this.write.audit(em, {
        action: existing ? 'update' : 'create',
        entityType: 'indicator_value',
        entityId: id,
        before: existing ? indicatorValueSnapshot(existing) : null,
        after: indicatorValueSnapshot(saved),
      });
      return { value: indicatorValueView(saved), created: !existing };
    });
  }

  /** The values of an indicator in period order (start, then end). */
  async list(actor: Actor, indicatorId: string, query: PageQueryDto): Promise<Page<IndicatorValueView>> {
    await this.indicators.requireIndicator(actor, indicatorId, 'read', this.values.manager);
    const page = await this.values.list(indicatorId, query);
    return mapPage(page, indicatorValueView);
  }

  private async assertUnlocked(
    em: EntityManager,
    programmeId: string,
    periodStart: string,
    periodEnd: string,
  ): Promise<void> {
    const lock = await this.values.overlappingLock(em, programmeId, periodStart, periodEnd);
    if (lock) {
      throw new ProgrammesError(
        ProgrammesErrorCode.PeriodLocked,
        `The reporting period ${lock.periodStart} to ${lock.periodEnd} is locked; ask a programme manager to unlock it`,
      );
    }
  }
}
