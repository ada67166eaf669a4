import { Injectable } from '@nestjs/common';
import { Actor, POLICY_AREAS } from '@tandem/core';
import { INTEGRATION_DIMENSIONS, Programme, TARGET_GROUPS } from '@tandem/programmes';
import { GovernmentLevel } from '@tandem/stakeholders';
import { MeasuringRepository, PartnerRow } from './measuring.repository';
import { CoherenceCellView, CoherenceProgrammeView, CoherenceView, territoryView } from './measuring.views';
import { TerritoriesService } from './territories.service';

/** Programmes with no government partner sit on this row: whole-of-society work without a level of government. */
export const NO_GOVERNMENT_LEVEL = 'none';
export const COHERENCE_LEVELS = [...Object.values(GovernmentLevel), NO_GOVERNMENT_LEVEL];
const MIGRANT_GROUPS = TARGET_GROUPS.filter((g) => g !== 'host_community') as string[];

/** A general programme that names migrants among its target groups: integration mainstreamed into general policy. */
export const isMainstreaming = (p: Pick<Programme, 'mainstream' | 'targetGroups'>): boolean =>
  p.mainstream && p.targetGroups.some((g) => MIGRANT_GROUPS.includes(g));

/**
 * The policy-coherence matrix of a territory: government levels × policy areas × integration
 * dimensions. A programme sits in cell (level, area, dimension) when one of its active partners is
 * a government of that level (or it has none: level "none"), it touches that policy area, and it
 * works on that dimension. Every cell is returned, so the empty ones show where nobody acts.
 * Programmes are those in the territory or under it that the caller may read.
 */
@Injectable()
export class CoherenceService {
  constructor(
    private readonly repo: MeasuringRepository,
    private readonly territories: TerritoriesService,
  ) {}

  async matrix(actor: Actor, code: string): Promise<CoherenceView> {
    const territory = await this.territories.require(code);
    const programmes = await this.repo.visibleProgrammesIn(actor, code);
    const partners = await this.repo.partnersOf(programmes.map((p) => p.id));
    const partnersOf = new Map<string, PartnerRow[]>();
    for (const r of partners) partnersOf.set(r.programmeId, [...(partnersOf.get(r.programmeId) ?? []), r]);

    const cells = new Map<string, CoherenceCellView>();
    const key = (l: string, a: string, d: string) => `${l}|${a}|${d}`;
    for (const level of COHERENCE_LEVELS)
      for (const policyArea of POLICY_AREAS)
        for (const dimension of INTEGRATION_DIMENSIONS)
          cells.set(key(level, policyArea, dimension), {
            level,
            policyArea,
            dimension,
            empty: true,
            programmes: [],
          });

    for (const p of programmes) {
      const ps = partnersOf.get(p.id) ?? [];
      const levels = [...new Set(ps.filter((x) => x.kind === 'government' && x.level).map((x) => x.level!))];
      const entry: CoherenceProgrammeView = {
        id: p.id,
        title: p.title,
        mainstreaming: isMainstreaming(p),
        partners: ps.map((x) => ({
          organizationId: x.organizationId,
          name: x.name,
          kind: x.kind,
          level: x.level,
          role: x.role,
        })),
      };
      for (const level of levels.length ? levels : [NO_GOVERNMENT_LEVEL])
        for (const area of p.policyAreas)
          for (const dimension of p.dimensions) {
            const cell = cells.get(key(level, area, dimension));
            if (!cell) continue;
            cell.programmes.push(entry);
            cell.empty = false;
          }
    }
    const all = [...cells.values()];
    return {
      territory: territoryView(territory),
      levels: COHERENCE_LEVELS,
      policyAreas: [...POLICY_AREAS],
      dimensions: [...INTEGRATION_DIMENSIONS],
      cells: all,
      programmeCount: programmes.length,
      mainstreamingCount: programmes.filter(isMainstreaming).length,
      emptyCellCount: all.filter((c) => c.empty).length,
    };
  }
}
