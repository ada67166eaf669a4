import { Injectable } from '@nestjs/common';
import { CoreError, Actor } from '@tandem/core';
import { ProgrammeAccessService } from '@tandem/programmes';
import { PlacementStatsQueryDto } from './dto';
import { CHECK_IN_MONTHS } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { PLACEMENT_BREAKDOWNS, PlacementsRepository } from './placements.repository';
import {
  BreakdownCell,
  retentionCell,
  suppressBreakdown,
  suppressCount,
  suppressRetention,
  SUPPRESSION_THRESHOLD,
} from './suppression';
import { PlacementStats } from './placement-stats.view';

/** The access side of the statistics: suppressed, or exact over these employers (null: none chosen). */
export interface PlacementStatsView {
  suppressed: boolean;
  employers: string[] | null;
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

  /**
   * Who sees what (the access rules, without counting): suppressed (a programme's managers and
   * platform admins over a whole programme) or exact over `employers`. Throws the 404/400 stats gives.
   */
  async view(actor: Actor, query: PlacementStatsQueryDto): Promise<PlacementStatsView> {
    let suppressed = false;
    let employers: string[] | null = null;
    const requested = query.employerOrganizationId;
    const mine = requested ? this.access.isMemberOf(actor, requested) : false;
    if (requested && !mine && !query.programmeId) throw CoreError.notFound('Employer');
    if (query.programmeId) {
      const access = await this.programmes.load(actor, query.programmeId);
      if ((access.isManager || access.isPlatformAdmin) && !requested) {
        // The one suppressed granularity: a whole programme. Programmes partition placements, so no
        // two suppressed views overlap and none can be subtracted from another.
        suppressed = true;
      } else if (requested && !mine) {
        if (access.isManager || access.isPlatformAdmin)
          throw CoreError.invalid(
            'employerOrganizationId',
            'narrows a suppressed view: statistics across other organisations are offered per whole programme only',
          );
        throw CoreError.notFound('Employer');
      } else {
        employers = requested ? [requested] : this.access.orgIds(actor);
      }
    } else {
      // Outside a programme everyone sees their own employers' placements, exactly (admins: none).
      employers = requested ? [requested] : this.access.orgIds(actor);
    }
    return { suppressed, employers };
  }

  /** The statistics; `view` when the caller already asked view() for the same actor and query. */
  async stats(
    actor: Actor,
    query: PlacementStatsQueryDto,
    view?: PlacementStatsView,
  ): Promise<PlacementStats> {
    const { suppressed, employers } = view ?? (await this.view(actor, query));
    const counts = await this.placements.counts({
      programmeId: query.programmeId ?? null,
      employerIds: employers,
      ownOrgIds: this.access.orgIds(actor),
    });
    const total = counts.total;
    const breakdowns = {} as Record<keyof typeof PLACEMENT_BREAKDOWNS, BreakdownCell[]>;
    for (const name of Object.keys(PLACEMENT_BREAKDOWNS) as (keyof typeof PLACEMENT_BREAKDOWNS)[])
      breakdowns[name] = suppressed
        ? suppressBreakdown(counts.breakdowns[name])
        : counts.breakdowns[name].map(({ key, people }) => ({ key, people }));
    const retentionRows = counts.retention;
    const retention = CHECK_IN_MONTHS.map((m) => {
      const r = retentionRows.find((x) => x.months === m) ?? {
        answered: 0,
        retained: 0,
        ownAnswered: 0,
        ownRetained: 0,
      };
      return suppressed
        ? suppressRetention(m, r.answered, r.retained, { answered: r.ownAnswered, retained: r.ownRetained })
        : retentionCell(m, r.answered, r.retained);
    });
    return {
      programmeId: query.programmeId ?? null,
      employerOrganizationIds: employers,
      suppressed,
      threshold: SUPPRESSION_THRESHOLD,
      total: suppressed
        ? {
            placements: suppressCount(total.placements, total.ownPlacements),
            people: suppressCount(total.people, total.ownPeople),
          }
        : { placements: total.placements, people: total.people },
      ...breakdowns,
      retention,
    };
  }
}
