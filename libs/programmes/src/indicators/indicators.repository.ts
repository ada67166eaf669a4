import { Injectable } from '@nestjs/common';
import { DataSourceRepository, Page, paginateByCreation } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { Indicator, IndicatorDirection, IndicatorKind } from '../entities';
import { ListIndicatorsDto } from './dto/list-indicators.dto';

/** What a programme indicator inherits from the framework catalogue. */
export interface FrameworkDefinition {
  dimension: string;
  unit: string;
  direction: IndicatorDirection;
  kind: IndicatorKind;
  definition: Record<string, string>;
}

/** Queries over a programme's indicator definitions; lists take the programme the caller may read. */
@Injectable()
export class IndicatorsRepository extends DataSourceRepository {
  listOfProgramme(programmeId: string, query: ListIndicatorsDto): Promise<Page<Indicator>> {
    const qb = this.dataSource
      .getRepository(Indicator)
      .createQueryBuilder('i')
      .where('i.programme_id = :programmeId', { programmeId });
    if (query.dimension) qb.andWhere('i.dimension = :dimension', { dimension: query.dimension });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    return paginateByCreation(qb, 'i', query, 'ASC');
  }

  /**
   * The framework catalogue's definition of `code` (issue 19). The catalogue is a read-only table
   * seeded by migration and owned by libs/indicators; it is read here with one query rather than
   * through that library because libs/indicators depends on this one (profiles list programme
   * indicators), and the reverse import would be a cycle (kept in the SQL-ownership baseline).
   */
  async frameworkDefinition(em: EntityManager, code: string): Promise<FrameworkDefinition | null> {
    const rows: FrameworkDefinition[] = await em.query(
      `SELECT dimension, unit, direction, kind, definition FROM framework_indicators WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}
