import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CHECK_IN_MONTHS } from './entities';
import { Count, RetentionCell, suppressCount, suppressRetention, SUPPRESSION_THRESHOLD } from './suppression';

/** A programme's placement retention for public evidence: aggregates only, always suppressed. */
export interface RetentionEvidence {
  threshold: number;
  people: Count;
  placements: Count;
  retention: RetentionCell[];
}

@Injectable()
export class RetentionEvidenceReader {
  /**
   * Read-only, for other domains (good ideas' evidence, which is public): the same aggregates as the
   * programme view of the placement statistics, with small cells always suppressed (<5), whoever asks.
   */
  async ofProgramme(em: EntityManager, programmeId: string): Promise<RetentionEvidence> {
    const [total] = await em.query<{ placements: number; people: number }[]>(
      `SELECT count(*)::int AS placements, count(DISTINCT participant_id)::int AS people
         FROM placements WHERE programme_id = $1`,
      [programmeId],
    );
    const rows = await em.query<{ months: number; answered: number; retained: number }[]>(
      `SELECT rc.months::int AS months, count(*)::int AS answered,
              count(*) FILTER (WHERE rc.still_employed)::int AS retained
         FROM retention_checks rc JOIN placements pl ON pl.id = rc.placement_id
        WHERE pl.programme_id = $1 AND rc.status = 'answered'
        GROUP BY rc.months`,
      [programmeId],
    );
    return {
      threshold: SUPPRESSION_THRESHOLD,
      people: suppressCount(total.people),
      placements: suppressCount(total.placements),
      retention: CHECK_IN_MONTHS.map((m) => {
        const r = rows.find((x) => x.months === m) ?? { answered: 0, retained: 0 };
        return suppressRetention(m, r.answered, r.retained);
      }),
    };
  }
}
