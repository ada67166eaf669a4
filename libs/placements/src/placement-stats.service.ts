import { Injectable } from '@nestjs/common';
import { CoreError, Actor } from '@tandem/core';
import { ProgrammeAccessService } from '@tandem/programmes';
import { PlacementStatsQueryDto } from './dto';
import { CHECK_IN_MONTHS } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { PLACEMENT_BREAKDOWNS, PlacementsRepository } from './placements.repository';
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

/**
 * Placement statistics. An employer sees its own, exactly. A programme's managers (and platform
 * admins) see the programme's across its employers, with small cells suppressed; an employer that
 * asks about a programme sees only its own placements in it.
 */
@Injectable()
export class PlacementStatsService {
  constructor(
    private readonly placements: PlacementsRepository,
    private readonly access: PlacementAccessService,
    private readonly programmes: ProgrammeAccessService,
  ) {}

  async stats(actor: Actor, query: PlacementStatsQueryDto): Promise<PlacementStats> {
    let suppressed = false;
    let employers: string[] | null = null;
    const requested = query.employerOrganizationId;
    const mine = requested ? this.access.isMemberOf(actor, requested) : false;
    if (query.programmeId) {
      const access = await this.programmes.load(actor, query.programmeId);
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
    const counts = await this.placements.counts({
      programmeId: query.programmeId ?? null,
      employerIds: employers,
    });
    const total = counts.total;
    const breakdowns = {} as Record<keyof typeof PLACEMENT_BREAKDOWNS, BreakdownCell[]>;
    for (const name of Object.keys(PLACEMENT_BREAKDOWNS) as (keyof typeof PLACEMENT_BREAKDOWNS)[])
      breakdowns[name] = suppressed ? suppressBreakdown(counts.breakdowns[name]) : counts.breakdowns[name];
    const retentionRows = counts.retention;
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
