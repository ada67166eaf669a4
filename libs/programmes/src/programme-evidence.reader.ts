import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LatestValue, LatestValueColumns, latestValueOf } from './indicators/latest-value';

/**
 * Read-only views of one programme for other domains (good ideas): its partners by kind, its
 * indicators with their latest value and, for gap indicators, how the gap moved, and its work plan
 * as a structure another city can copy. Scoped by the programme id the caller has already been
 * allowed to show; nothing here names a person.
 */
export interface PartnerEvidence {
  kind: string;
  /** For governments: national, regional, municipal or local. */
  governmentLevel: string | null;
  role: string;
  organizations: number;
}

export interface IndicatorEvidence {
  name: string;
  dimension: string;
  unit: string;
  kind: string;
  direction: string;
  baseline: number;
  target: number;
  latest: LatestValue | null;
  /** Gap indicators: latest gap minus baseline gap (negative when a negative gap widened). */
  gapChange: number | null;
  /** Gap indicators: true when the absolute gap is smaller than at baseline. */
  gapNarrowed: boolean | null;
}

export interface ProgrammeStructure {
  title: string;
  summary: string;
  startDate: string;
  endDate: string;
  durationDays: number;
  dimensions: string[];
  targetGroups: string[];
  sdgTargets: string[];
  gcmObjectives: number[];
  milestones: { title: string; offsetDays: number }[];
  indicators: { name: string; dimension: string; unit: string; kind: string; direction: string }[];
  /** Partner roles other than the lead, described by kind (and sector or level). */
  partnerSlots: { kind: string; role: string; sector: string | null; governmentLevel: string | null }[];
}

/** What other libraries (good ideas) may read of a programme as evidence: its partners by kind, its indicators, its structure. */
@Injectable()
export class ProgrammeEvidenceReader {
  async partners(em: EntityManager, programmeId: string): Promise<PartnerEvidence[]> {
    const rows = await em.query<{ kind: string; level: string | null; role: string; n: number }[]>(
      `SELECT o.kind, g.level, pp.role, count(*)::int AS n
         FROM programme_partners pp
         JOIN organizations o ON o.id = pp.organization_id
         LEFT JOIN government_profiles g ON g.organization_id = o.id
        WHERE pp.programme_id = $1 AND pp.status = 'active'
        GROUP BY o.kind, g.level, pp.role
        ORDER BY o.kind, g.level NULLS FIRST, pp.role`,
      [programmeId],
    );
    return rows.map((r) => ({ kind: r.kind, governmentLevel: r.level, role: r.role, organizations: r.n }));
  }

  async indicators(em: EntityManager, programmeId: string): Promise<IndicatorEvidence[]> {
    const rows = await em.query<
      (LatestValueColumns & {
        name: string;
        dimension: string;
        unit: string;
        kind: string;
        direction: string;
        baseline: string;
        target: string;
      })[]
    >(
      `SELECT i.name, i.dimension, i.unit, i.kind, i.direction, i.baseline, i.target,
              v.period_start::text, v.period_end::text, v.value, v.migrant_value, v.host_value
         FROM indicators i
         LEFT JOIN LATERAL (
           SELECT * FROM indicator_values iv WHERE iv.indicator_id = i.id
            ORDER BY iv.period_end DESC, iv.period_start DESC LIMIT 1) v ON true
        WHERE i.programme_id = $1
        ORDER BY i.created_at, i.id`,
      [programmeId],
    );
    return rows.map((r) => {
      const baseline = Number(r.baseline);
      const latest = latestValueOf(r);
      const isGap = r.kind === 'gap';
      return {
        name: r.name,
        dimension: r.dimension,
        unit: r.unit,
        kind: r.kind,
        direction: r.direction,
        baseline,
        target: Number(r.target),
        latest,
        // Four decimals at most in storage: round away floating-point noise from the subtraction.
        gapChange: isGap && latest ? Math.round((latest.value - baseline) * 10_000) / 10_000 : null,
        gapNarrowed: isGap && latest ? Math.abs(latest.value) < Math.abs(baseline) : null,
      };
    });
  }

  async structure(em: EntityManager, programmeId: string): Promise<ProgrammeStructure | null> {
    const [p] = await em.query<
      {
        title: string;
        summary: string;
        start_date: string;
        end_date: string;
        dimensions: string[];
        target_groups: string[];
        sdg_targets: string[];
        gcm_objectives: number[];
      }[]
    >(
      `SELECT title, summary, start_date::text, end_date::text, dimensions, target_groups, sdg_targets, gcm_objectives
         FROM programmes WHERE id = $1`,
      [programmeId],
    );
    if (!p) return null;
    const milestones = await em.query<{ title: string; offset_days: number }[]>(
      `SELECT m.title, (m.due_date - p.start_date)::int AS offset_days
         FROM milestones m JOIN programmes p ON p.id = m.programme_id
        WHERE m.programme_id = $1 ORDER BY m.due_date, m.id`,
      [programmeId],
    );
    const indicators = await em.query<ProgrammeStructure['indicators']>(
      `SELECT name, dimension, unit, kind, direction FROM indicators WHERE programme_id = $1 ORDER BY created_at, id`,
      [programmeId],
    );
    const slots = await em.query<
      { kind: string; role: string; sector: string | null; level: string | null }[]
    >(
      `SELECT o.kind, pp.role, e.sector, g.level
         FROM programme_partners pp
         JOIN organizations o ON o.id = pp.organization_id
         LEFT JOIN employer_profiles e ON e.organization_id = o.id
         LEFT JOIN government_profiles g ON g.organization_id = o.id
        WHERE pp.programme_id = $1 AND pp.status = 'active' AND pp.role <> 'lead'
        ORDER BY pp.role, o.kind, pp.created_at, pp.id`,
      [programmeId],
    );
    const [{ days }] = await em.query<{ days: number }[]>(`SELECT ($2::date - $1::date)::int AS days`, [
      p.start_date,
      p.end_date,
    ]);
    return {
      title: p.title,
      summary: p.summary,
      startDate: p.start_date,
      endDate: p.end_date,
      durationDays: days,
      dimensions: p.dimensions,
      targetGroups: p.target_groups,
      sdgTargets: p.sdg_targets,
      gcmObjectives: p.gcm_objectives,
      milestones: milestones.map((m) => ({ title: m.title, offsetDays: m.offset_days })),
      indicators,
      partnerSlots: slots.map((s) => ({
        kind: s.kind,
        role: s.role,
        sector: s.sector,
        governmentLevel: s.level,
      })),
    };
  }
}
