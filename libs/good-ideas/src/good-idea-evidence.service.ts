import { Injectable } from '@nestjs/common';
import { Clock } from '@tandem/core';
import { PublishedOutcomesReader } from '@tandem/consultations';
import { RetentionEvidenceReader, SMALL, SUPPRESSION_THRESHOLD } from '@tandem/placements';
import { ProgrammeEvidenceReader, ProgrammeStructure } from '@tandem/programmes';
import { TaskTemplate, TaskTemplatesReader } from '@tandem/tasks';
import { EntityManager } from 'typeorm';
import { EvidenceResponse } from './good-idea.view';

/** Units that count people: such figures under the threshold are shown as "<5", as in placement statistics. */
const COUNTS_PEOPLE =
  /\b(people|persons?|participants?|migrants?|refugees?|newcomers?|households?|families|students?|workers?)\b/i;

/** A count of people between 1 and 4 singles someone out: hidden. Zero and rates are shown. */
export function suppressPeopleCount(unit: string, value: number | null): number | typeof SMALL | null {
  if (value === null || !COUNTS_PEOPLE.test(unit)) return value;
  return value > 0 && value < SUPPRESSION_THRESHOLD ? SMALL : value;
}

export type IdeaStructure = ProgrammeStructure & { tasks: TaskTemplate[] };

/**
 * Evidence of an idea, read from its programme through the other libraries' exported readers:
 * partners by kind, indicators (with the gap's movement), consultations with a published outcome,
 * and placement retention with small cells suppressed. Nothing names a person. Callers decide who
 * may see the idea; the evidence itself is fit to be public.
 */
@Injectable()
export class GoodIdeaEvidenceService {
  constructor(
    private readonly clock: Clock,
    private readonly programmes: ProgrammeEvidenceReader,
    private readonly outcomes: PublishedOutcomesReader,
    private readonly retention: RetentionEvidenceReader,
    private readonly templates: TaskTemplatesReader,
  ) {}

  async live(em: EntityManager, programmeId: string | null): Promise<EvidenceResponse | null> {
    if (!programmeId) return null;
    // One after the other: `em` may be a transaction's single connection.
    const partners = await this.programmes.partners(em, programmeId);
    const indicators = await this.programmes.indicators(em, programmeId);
    const outcomes = await this.outcomes.ofProgramme(em, programmeId);
    const placements = await this.retention.ofProgramme(em, programmeId);
    return {
      asOf: this.clock.now(),
      partners,
      indicators: indicators.map((i) => ({
        ...i,
        baseline: suppressPeopleCount(i.unit, i.baseline),
        latest: i.latest && { ...i.latest, value: suppressPeopleCount(i.unit, i.latest.value) },
      })),
      consultations: outcomes.map((o) => ({
        title: o.title,
        languages: o.languages,
        closedAt: o.closedAt,
        outcomePublishedAt: o.outcomePublishedAt,
        youSaidWeDid: { summary: o.summary, decisions: o.decisions },
      })),
      placements: placements as unknown as Record<string, unknown>,
    };
  }

  async structure(em: EntityManager, programmeId: string | null): Promise<IdeaStructure | null> {
    if (!programmeId) return null;
    const structure = await this.programmes.structure(em, programmeId);
    if (!structure) return null;
    return { ...structure, tasks: await this.templates.ofProgramme(em, programmeId) };
  }
}
