import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';
import { Actor } from '@tandem/auth';
import { mapPage, Page, PageQueryDto, paginate, TransactionService } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorKind, IndicatorValue } from '../entities';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';
import { ReportIndicatorValueDto } from './dto/report-indicator-value.dto';
import { IndicatorsService } from './indicators.service';
import { IndicatorValueView, indicatorValueSnapshot, indicatorValueView } from './indicator.view';
import { assertProgrammeOpen } from './programme-open';
import { assertPeriod, reportingOrganization, valueFieldsFor } from './reporting';
import { ReportedValue } from './indicator.view';

/** Values of indicators, one per indicator and period, reported by the partners working the programme. */
@Injectable()
export class IndicatorValuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the value of a period, or corrects it if one is there (the correction is audited as an
   * update). Refused while a locked reporting period overlaps the period.
   */
  async report(actor: Actor, indicatorId: string, dto: ReportIndicatorValueDto): Promise<ReportedValue> {
    return this.tx.run(async (em) => {
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

      const existing = await em.findOne(IndicatorValue, {
        where: { indicatorId, periodStart: dto.periodStart, periodEnd: dto.periodEnd },
        lock: { mode: 'pessimistic_write' },
      });
      // A gap is computed in numeric, not in floating point: 72.4 − 61.2 is 11.2, not 11.200000000000003.
      const numbers =
        fields.kind === IndicatorKind.Gap
          ? [null, String(fields.migrantValue), String(fields.hostValue)]
          : [String(fields.value), null, null];
      const value = 'COALESCE($1::numeric, $2::numeric - $3::numeric)';
      const reporter = [dto.note ?? null, actor.userId, organizationId];
      let id: string;
      if (existing) {
        await em.query(
          `UPDATE indicator_values
              SET value = ${value}, migrant_value = $2, host_value = $3, note = $4,
                  reported_by_user_id = $5, reported_by_organization_id = $6, updated_at = now()
            WHERE id = $7`,
          [...numbers, ...reporter, existing.id],
        );
        id = existing.id;
      } else {
        const rows: { id: string }[] = await em.query(
          `INSERT INTO indicator_values
             (value, migrant_value, host_value, note, reported_by_user_id, reported_by_organization_id,
              indicator_id, period_start, period_end)
           VALUES (${value}, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id`,
          [...numbers, ...reporter, indicatorId, dto.periodStart, dto.periodEnd],
        );
        id = rows[0].id;
      }
      const saved = await em.findOneByOrFail(IndicatorValue, { id });
      await this.audit.record(em, {
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
    await this.indicators.requireIndicator(actor, indicatorId, 'read', this.dataSource.manager);
    const qb = this.dataSource
      .getRepository(IndicatorValue)
      .createQueryBuilder('v')
      .where('v.indicator_id = :indicatorId', { indicatorId });
    const page = await paginate(qb, {
      keys: ['v.period_start', 'v.period_end', 'v.id'],
      direction: 'ASC',
      cursorOf: (v) => [v.periodStart, v.periodEnd, v.id],
      query,
    });
    return mapPage(page, indicatorValueView);
  }

  private async assertUnlocked(
    em: EntityManager,
    programmeId: string,
    periodStart: string,
    periodEnd: string,
  ): Promise<void> {
    const [lock]: { period_start: string; period_end: string }[] = await em.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM reporting_period_locks
        WHERE programme_id = $1 AND period_start <= $3::date AND period_end >= $2::date
        ORDER BY period_start, period_end
        LIMIT 1`,
      [programmeId, periodStart, periodEnd],
    );
    if (lock) {
      throw new ProgrammesError(
        ProgrammesErrorCode.PeriodLocked,
        `The reporting period ${lock.period_start} to ${lock.period_end} is locked; ask a programme manager to unlock it`,
      );
    }
  }
}
