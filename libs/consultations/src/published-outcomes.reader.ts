import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LocalizedText } from './entities';

/** A consultation behind a programme, with its published "you said, we did". */
export interface PublishedOutcome {
  consultationId: string;
  title: LocalizedText;
  languages: string[];
  closedAt: Date | null;
  outcomePublishedAt: Date;
  summary: LocalizedText;
  decisions: { text: LocalizedText }[];
}

@Injectable()
export class PublishedOutcomesReader {
  /**
   * Read-only, for other domains (good ideas' evidence): the consultations linked to a programme whose
   * outcome is published, and nothing else of them. Published outcomes are public by design; results
   * and responses never leave the consultations library this way.
   */
  async ofProgramme(em: EntityManager, programmeId: string): Promise<PublishedOutcome[]> {
    const rows = await em.query<
      {
        id: string;
        title: LocalizedText;
        languages: string[];
        closed_at: Date | null;
        outcome_published_at: Date;
        outcome: { summary: LocalizedText; decisions: { text: LocalizedText }[] };
      }[]
    >(
      `SELECT id, title, languages, closed_at, outcome_published_at, outcome
         FROM consultations
        WHERE $1::uuid = ANY(programme_ids) AND status = 'outcome_published' AND outcome IS NOT NULL
        ORDER BY outcome_published_at, id`,
      [programmeId],
    );
    return rows.map((r) => ({
      consultationId: r.id,
      title: r.title,
      languages: r.languages,
      closedAt: r.closed_at,
      outcomePublishedAt: r.outcome_published_at,
      summary: r.outcome.summary,
      decisions: (r.outcome.decisions ?? []).map((d) => ({ text: d.text })),
    }));
  }
}
