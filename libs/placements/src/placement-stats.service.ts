import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import { CoreError, Actor } from '@tandem/core';
import { ProgrammeAccessService } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { PlacementStatsQueryDto } from './dto';
import { CHECK_IN_MONTHS } from './entities';
import { PlacementAccessService } from './placement-access.service';
import {
  BreakdownCell,
  Count,
  retentionCell,
  RetentionCell,
  suppressBreakdown,
  suppressCount,
  suppressRetention,
  SUPPRESSION_THRESHOLD,
} from './suppression';

export interface PlacementStats {
  programmeId: string | null;
  employerOrganizationIds: string[] | null;
  /** True in the programme view: cells under `threshold` people read "<5". */
  suppressed: boolean;
  threshold: number;
  total: { placements: Count; people: Count };
  bySector: BreakdownCell[];
  byOccupationGroup: BreakdownCell[];
  byContractType: BreakdownCell[];
  byCountryOfOrigin: BreakdownCell[];
  /** Key: the employer organisation's id. */
  byEmployer: BreakdownCell[];
  byStatusCategory: BreakdownCell[];
  retention: RetentionCell[];
}

const BREAKDOWNS = {
  bySector: 's.sector',
  byOccupationGroup: 'left(s.occupation_code, 1)',
  byContractType: 's.contract_type',
  // Erased participants still count, under "unknown".
  byCountryOfOrigin: "COALESCE(s.country_of_origin, 'unknown')",
  byEmployer: 's.employer_organization_id::text',
  byStatusCategory: "COALESCE(s.status_category, 'unknown')",
} as const;

/**
 * Placement statistics. An employer sees its own, exactly. A programme's managers (and platform
 * admins) see the programme's across its employers, with small cells suppressed; an employer that
 * asks about a programme sees only its own placements in it.
 */
@Injectable()
export class PlacementStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlacementAccessService,
    private readonly programmes: ProgrammeAccessService,
  ) {}

  async stats(actor: Actor, query: PlacementStatsQueryDto): Promise<PlacementStats> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => (params.push(v), `$${params.length}`);
    let suppressed = false;
    let employers: string[] | null = null;
    const requested = query.employerOrganizationId;
    const mine = requested ? this.access.isMemberOf(actor, requested) : false;
    if (query.programmeId) {
      const access = await this.programmes.load(actor, query.programmeId);
      where.push(`pl.programme_id = ${param(query.programmeId)}`);
      if (access.isManager || access.isPlatformAdmin) {
        // Across the programme's employers (or narrowed to one that is not mine): suppressed.
        employers = requested ? [requested] : null;
        suppressed = !mine;
      } else {
        if (requested && !mine) throw CoreError.notFound('Employer');
        employers = requested ? [requested] : this.access.orgIds(actor);
      }
    } else if (requested) {
      if (!mine && !this.access.isAdmin(actor)) throw CoreError.notFound('Employer');
      employers = [requested];
      suppressed = !mine;
    } else if (this.access.isAdmin(actor)) {
      suppressed = true;
    } else {
      employers = this.access.orgIds(actor);
    }
    if (employers) where.push(`pl.employer_organization_id = ANY(${param(employers)}::uuid[])`);

    const scoped = `WITH s AS (
      SELECT pl.id, pl.participant_id, pl.employer_organization_id, pl.sector, pl.occupation_code, pl.contract_type,
             pa.country_of_origin, pa.status_category
        FROM placements pl JOIN participants pa ON pa.id = pl.participant_id
       WHERE ${where.join(' AND ') || 'true'})`;
    // One snapshot, so the total, the breakdowns and the rates agree with each other.
    const { total, breakdowns, retentionRows } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (em) => {
        const [total] = await em.query<{ placements: number; people: number }[]>(
          `${scoped} SELECT count(*)::int AS placements, count(DISTINCT participant_id)::int AS people FROM s`,
          params,
        );
        const breakdowns = {} as Record<keyof typeof BREAKDOWNS, BreakdownCell[]>;
        for (const [name, expr] of Object.entries(BREAKDOWNS) as [keyof typeof BREAKDOWNS, string][]) {
          const rows = await em.query<{ key: string; people: number }[]>(
            `${scoped} SELECT ${expr} AS key, count(DISTINCT s.participant_id)::int AS people FROM s GROUP BY 1 ORDER BY 1`,
            params,
          );
          breakdowns[name] = suppressed ? suppressBreakdown(rows) : rows;
        }
        const retentionRows = await em.query<{ months: number; answered: number; retained: number }[]>(
          `${scoped} SELECT rc.months::int AS months,
                        count(*)::int AS answered,
                        count(*) FILTER (WHERE rc.still_employed)::int AS retained
                   FROM retention_checks rc JOIN s ON s.id = rc.placement_id
                  WHERE rc.status = 'answered'
                  GROUP BY rc.months`,
          params,
        );
        return { total, breakdowns, retentionRows };
      },
    );
    const retention = CHECK_IN_MONTHS.map((m) => {
      const r = retentionRows.find((x) => x.months === m) ?? { answered: 0, retained: 0 };
      return suppressed
        ? suppressRetention(m, r.answered, r.retained)
        : retentionCell(m, r.answered, r.retained);
    });
    return {
      programmeId: query.programmeId ?? null,
      employerOrganizationIds: employers,
      suppressed,
      threshold: SUPPRESSION_THRESHOLD,
      total: suppressed
        ? { placements: suppressCount(total.placements), people: suppressCount(total.people) }
        : total,
      ...breakdowns,
      retention,
    };
  }
}
