import { Injectable } from '@nestjs/common';
import { DataSourceRepository, matchesInAnyLanguage, Page, paginate } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { ListPublicConsultationsDto } from './dto';
import { Consultation, ConsultationStatus } from './entities';
import { CONSULTATION_SEARCH_DOCUMENTS as DOCS } from './public-consultation-search';

/** The scope the public list is narrowed to, resolved by the caller from territory and dimension. */
export interface PublicConsultationScope {
  /** Owners (government organisations) to keep; undefined = any. */
  organizationIds?: string[];
  /** Linked programmes, any of which keeps a consultation; undefined = any. */
  programmeIds?: string[];
}

/**
 * Queries of the public outcomes (issue 20). The scope is "public": every query requires
 * `public_outcome` and a published outcome, so nothing else can be read from here.
 */
@Injectable()
export class PublicConsultationsRepository extends DataSourceRepository {
  private publicOnly() {
    return this.dataSource
      .getRepository(Consultation)
      .createQueryBuilder('c')
      .where('c.public_outcome')
      .andWhere('c.status = :published', { published: ConsultationStatus.OutcomePublished })
      .andWhere('c.outcome IS NOT NULL');
  }

  /** One public outcome, or null (unpublished, withdrawn and missing alike). */
  findPublic(id: string): Promise<Consultation | null> {
    return this.publicOnly().andWhere('c.id = :id', { id }).getOne();
  }

  /**
   * Newest public first (keyset on public_outcome_at, id). `q` is matched against every language's
   * document with its own configuration, so PostgreSQL can combine the four partial GIN indexes.
   */
  search(filter: ListPublicConsultationsDto, scope: PublicConsultationScope): Promise<Page<Consultation>> {
    const qb = this.publicOnly();
    const q = filter.q?.trim();
    if (q) qb.andWhere(matchesInAnyLanguage(DOCS, q));
    if (scope.organizationIds)
      qb.andWhere('c.organization_id = ANY(:orgs::uuid[])', { orgs: scope.organizationIds });
    if (scope.programmeIds)
      qb.andWhere('c.programme_ids && :programmes::uuid[]', { programmes: scope.programmeIds });
    if (filter.language) qb.andWhere(':lang = ANY(c.languages)', { lang: filter.language });
    if (filter.from) qb.andWhere(`c.outcome_published_at >= :from::date`, { from: filter.from });
    if (filter.to) qb.andWhere(`c.outcome_published_at < :to::date + 1`, { to: filter.to });
    return paginate(qb, {
      keys: ['c.public_outcome_at', 'c.id'],
      direction: 'DESC',
      cursorOf: (c) => [c.publicOutcomeAt!.toISOString(), c.id],
      query: filter,
    });
  }

  async setPublication(
    em: EntityManager,
    id: string,
    values: { publicOutcome: boolean; publicFreeTexts: boolean; publicOutcomeAt: Date | null },
  ): Promise<void> {
    await em.query(
      `UPDATE consultations SET public_outcome = $2, public_free_texts = $3, public_outcome_at = $4,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, values.publicOutcome, values.publicFreeTexts, values.publicOutcomeAt],
    );
  }
}
