import { Injectable } from '@nestjs/common';
import { Page, orNotFound } from '@tandem/core';
import { PublicProgrammesReader } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { KindCount } from './consultation-results.view';
import { ConsultationsRepository } from './consultations.repository';
import { ListPublicConsultationsDto } from './dto';
import { Consultation } from './entities';
import {
  PublicConsultationSummary,
  PublicConsultationView,
  PublicQuestionResult,
} from './public-consultation.view';
import { PublicConsultationScope, PublicConsultationsRepository } from './public-consultations.repository';
import { ResultsService } from './results.service';

/**
 * Public outcomes as anyone reads them, signed in or not (issue 20): only consultations whose owner
 * made the published outcome public; everything else is a 404. Results go through the anonymity
 * rules whatever the consultation, free texts only when the owner published them as well.
 */
@Injectable()
export class PublicConsultationsService {
  constructor(
    private readonly repository: PublicConsultationsRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly results: ResultsService,
    private readonly organizations: OrganizationsRepository,
    private readonly programmes: PublicProgrammesReader,
  ) {}

  async search(filter: ListPublicConsultationsDto): Promise<Page<PublicConsultationSummary>> {
    const scope: PublicConsultationScope = {};
    if (filter.territory)
      scope.organizationIds = (await this.organizations.governmentsWithin(filter.territory)).map((g) => g.id);
    if (filter.dimension) scope.programmeIds = await this.programmes.onDimension(filter.dimension);
    const page = await this.repository.search(filter, scope);
    return { items: await this.summaries(page.items), nextCursor: page.nextCursor };
  }

  /** The newest public outcomes, for the Atom feed; of one territory's governments when given. */
  async latest(territory?: string, limit = 50): Promise<PublicConsultationSummary[]> {
    return (await this.search({ territory, limit })).items;
  }

  async get(id: string): Promise<PublicConsultationView> {
    const c = orNotFound(await this.repository.findPublic(id), 'Consultation');
    const [summary] = await this.summaries([c]);
    const results = await this.results.forPublic(c);
    const invitedIds = (await this.consultations.invitedOf([c.id])).get(c.id) ?? [];
    const invited = [...(await this.organizations.summaries(invitedIds)).values()];
    const positionOf = new Map(results.questions.map((q) => [q.questionId, q.position]));
    return {
      ...summary,
      closedAt: c.closedAt,
      anonymityThreshold: results.anonymityThreshold!,
      invited: {
        audience: c.audience,
        total: invited.length,
        byKind: countByKind(invited.map((o) => o.kind)),
      },
      participation: {
        responseCount: results.responseCount,
        byKind: results.participation.byKind.map(({ kind, count }) => ({ kind, count })),
      },
      questions: results.questions.map((q): PublicQuestionResult => {
        const out: PublicQuestionResult = {
          position: q.position,
          type: q.type,
          prompt: q.prompt,
          answered: q.answered,
        };
        if (q.options)
          out.options = q.options.map(({ value, label, count, percentage }) => ({
            value,
            label,
            count,
            percentage,
          }));
        if (q.distribution) {
          out.distribution = q.distribution.map(({ value, count, percentage }) => ({
            value,
            count,
            percentage,
          }));
          out.average = q.average ?? null;
        }
        if (q.answers) {
          const shown = c.publicFreeTexts ? q.answers.map((a) => ({ text: a.text })) : [];
          out.answers = shown;
          out.textsWithheld = !shown.length && (q.textsWithheld === true || q.answers.length > 0);
        }
        return out;
      }),
      freeTextsPublished: c.publicFreeTexts,
      outcome: {
        summary: c.outcome!.summary,
        decisions: c.outcome!.decisions.map((d) => ({
          text: d.text,
          questionPositions: d.questionIds
            .map((q) => positionOf.get(q))
            .filter((p): p is number => p !== undefined)
            .sort((a, b) => a - b),
        })),
      },
    };
  }

  private async summaries(items: Consultation[]): Promise<PublicConsultationSummary[]> {
    const owners = await this.organizations.governments(items.map((c) => c.organizationId));
    return items.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      languages: c.languages,
      ownerName: owners.get(c.organizationId)?.name ?? '',
      territoryCode: owners.get(c.organizationId)?.territoryCode ?? null,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      outcomePublishedAt: c.outcomePublishedAt!,
      publicSince: c.publicOutcomeAt!,
      anonymous: c.anonymous,
    }));
  }
}

function countByKind(kinds: string[]): KindCount[] {
  const m = new Map<string, number>();
  for (const k of kinds) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => ({ kind, count }));
}
