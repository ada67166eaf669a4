import { Injectable } from '@nestjs/common';
import { DataSourceRepository, Page, PageQueryDto, paginate } from '@tandem/core';
import { EntityManager, EntityTarget } from 'typeorm';
import { IndicatorValue, ReportingPeriodLock } from '../entities';

export interface ValueWrite {
  /** [value, migrantValue, hostValue] as numeric strings; a gap sends [null, migrant, host]. */
  numbers: (string | null)[];
  note: string | null;
  reportedByUserId: string;
  reportedByOrganizationId: string;
}

/** A gap is computed in numeric, not in floating point: 72.4 − 61.2 is 11.2, not 11.200000000000003. */
const VALUE = 'COALESCE($1::numeric, $2::numeric - $3::numeric)';

/** Queries over indicator values and reporting-period locks. Callers have checked the actor. */
@Injectable()
export class IndicatorValuesRepository extends DataSourceRepository {
  /** The value of the period, locked for a correction (FOR UPDATE), or null. */
  findForPeriod(em: EntityManager, indicatorId: string, periodStart: string, periodEnd: string) {
    return em.findOne(IndicatorValue, {
      where: { indicatorId, periodStart, periodEnd },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findById(em: EntityManager, id: string): Promise<IndicatorValue> {
    return em.findOneByOrFail(IndicatorValue, { id });
  }

  async update(em: EntityManager, id: string, w: ValueWrite): Promise<void> {
    await em.query(
      `UPDATE indicator_values
          SET value = ${VALUE}, migrant_value = $2, host_value = $3, note = $4,
              reported_by_user_id = $5, reported_by_organization_id = $6, updated_at = now()
        WHERE id = $7`,
      [...w.numbers, w.note, w.reportedByUserId, w.reportedByOrganizationId, id],
    );
  }

  async insert(
    em: EntityManager,
    indicatorId: string,
    periodStart: string,
    periodEnd: string,
    w: ValueWrite,
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO indicator_values
         (value, migrant_value, host_value, note, reported_by_user_id, reported_by_organization_id,
          indicator_id, period_start, period_end)
       VALUES (${VALUE}, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id`,
      [
        ...w.numbers,
        w.note,
        w.reportedByUserId,
        w.reportedByOrganizationId,
        indicatorId,
        periodStart,
        periodEnd,
      ],
    );
    return rows[0].id;
  }

  /** The earliest locked reporting period of the programme that overlaps the given one, if any. */
  async overlappingLock(
    em: EntityManager,
    programmeId: string,
    periodStart: string,
    periodEnd: string,
  ): Promise<{ periodStart: string; periodEnd: string } | null> {
    const [lock]: { period_start: string; period_end: string }[] = await em.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM reporting_period_locks
        WHERE programme_id = $1 AND period_start <= $3::date AND period_end >= $2::date
        ORDER BY period_start, period_end
        LIMIT 1`,
      [programmeId, periodStart, periodEnd],
    );
    return lock ? { periodStart: lock.period_start, periodEnd: lock.period_end } : null;
  }

  /** The values of an indicator in period order (start, then end). */
  list(indicatorId: string, query: PageQueryDto): Promise<Page<IndicatorValue>> {
    return this.pageInPeriodOrder(IndicatorValue, 'indicator_id', indicatorId, query);
  }

  /** The reporting-period locks of a programme, in period order too. */
  locksOfProgramme(programmeId: string, query: PageQueryDto): Promise<Page<ReportingPeriodLock>> {
    return this.pageInPeriodOrder(ReportingPeriodLock, 'programme_id', programmeId, query);
  }

  /** A page of the rows (values, locks) of one parent, each covering a period: by start, then end, then id. */
  private pageInPeriodOrder<T extends { periodStart: string; periodEnd: string; id: string }>(
    entity: EntityTarget<T>,
    parentColumn: 'indicator_id' | 'programme_id',
    parentId: string,
    query: PageQueryDto,
  ): Promise<Page<T>> {
    const qb = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(`r.${parentColumn} = :parentId`, { parentId });
    return paginate(qb, {
      keys: ['r.period_start', 'r.period_end', 'r.id'],
      direction: 'ASC',
      cursorOf: (r) => [r.periodStart, r.periodEnd, r.id],
      query,
    });
  }
}
