import { Injectable } from '@nestjs/common';
import { mapPage, Page, orNotFound } from '@tandem/core';
import { ListPublicGoodIdeasDto } from './dto';
import { GoodIdea } from './entities';
import {
  assessmentView,
  contentView,
  EvidenceResponse,
  GoodIdeaSummaryResponse,
  PublicGoodIdeaResponse,
  recognitionView,
  summaryView,
} from './good-idea.view';
import { GoodIdeaEvidenceService } from './good-idea-evidence.service';
import { GoodIdeasRepository } from './good-ideas.repository';

/**
 * The catalogue as anyone sees it, signed in or not: published ideas only (anything else is a 404),
 * organisations but never people, and evidence that is aggregated and suppressed below 5.
 */
@Injectable()
export class PublicGoodIdeasService {
  constructor(
    private readonly ideas: GoodIdeasRepository,
    private readonly evidence: GoodIdeaEvidenceService,
  ) {}

  async search(filter: ListPublicGoodIdeasDto): Promise<Page<GoodIdeaSummaryResponse>> {
    const page = await this.ideas.searchPublished(filter);
    const names = await this.ideas.organizationNames(
      this.ideas.manager,
      page.items.map((i) => i.organizationId),
    );
    return mapPage(page, (i) => summaryView(i, names.get(i.organizationId) ?? ''));
  }

  async get(slug: string): Promise<PublicGoodIdeaResponse> {
    const em = this.ideas.manager;
    const idea = orNotFound(await this.ideas.findPublishedBySlug(em, slug), 'Good idea');
    return this.view(idea);
  }

  async latest(limit = 50): Promise<GoodIdeaSummaryResponse[]> {
    const em = this.ideas.manager;
    const items = await this.ideas.latestPublished(em, limit);
    const names = await this.ideas.organizationNames(
      em,
      items.map((i) => i.organizationId),
    );
    return items.map((i) => summaryView(i, names.get(i.organizationId) ?? ''));
  }

  private async view(idea: GoodIdea): Promise<PublicGoodIdeaResponse> {
    const em = this.ideas.manager;
    const orgName = await this.ideas.organizationName(em, idea.organizationId);
    const assessments = await this.ideas.assessments(em, idea.id);
    const endorsements = await this.ideas.endorsements(em, idea.id);
    const adaptations = await this.ideas.adaptations(em, idea.id);
    const evidence = await this.evidence.live(em, idea.programmeId);
    const parentSlug = await this.ideas.slugOf(em, idea.parentIdeaId);
    return {
      ...summaryView(idea, orgName ?? ''),
      parentSlug,
      ...contentView(idea),
      assessments: assessments.map(assessmentView),
      recognitions: endorsements.map(recognitionView),
      adaptations,
      evidence,
      evidenceSnapshot: idea.evidenceSnapshot as unknown as EvidenceResponse | null,
    };
  }
}
