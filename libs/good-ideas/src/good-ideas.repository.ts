import { Injectable } from '@nestjs/common';
import {
  CoreError,
  CoreErrorCode,
  DataSourceRepository,
  isUniqueViolation,
  matchesInAnyLanguage,
  Page,
  paginate,
  paginateByCreation,
} from '@tandem/core';
import { Brackets, EntityManager } from 'typeorm';
import { ListGoodIdeasDto, ListPublicGoodIdeasDto } from './dto';
import {
  GoodIdea,
  GoodIdeaAdaptation,
  GoodIdeaAssessment,
  GoodIdeaCurator,
  GoodIdeaEndorsement,
  GoodIdeaStatus,
} from './entities';
import { SEARCH_DOCUMENTS } from './good-idea-search';
import { AdaptationSummaryResponse, EndorsementRow } from './good-idea.view';

export interface GoodIdeaReportRow {
  slug: string;
  title: string;
  organization: string;
  city: string;
  country: string;
  languages: string;
  dimensions: string;
  themes: string;
  partner_kinds: string;
  published_on: string;
  practical: number | null;
  innovative: number | null;
  successful: number | null;
  transferable: number | null;
  endorsements: number;
  adaptations: number;
  adapted_in: string | null;
}

/** Who is asking, for the console list: the organisations they belong to, and whether they review. */
export interface GoodIdeaScope {
  organizationIds: string[];
  reviewer: boolean;
}

const PUBLISHED = GoodIdeaStatus.Published;

/**
 * Every query over the good-ideas tables. Lists take their scope (the caller's organisations and
 * reviewer flag, or "published only" for the public catalogue), so an unscoped read is not written
 * by accident; `findById` is for the access service, which decides what the caller may see.
 */
@Injectable()
export class GoodIdeasRepository extends DataSourceRepository {
  findById(em: EntityManager, id: string, lock = false): Promise<GoodIdea | null> {
    return em.findOne(GoodIdea, {
      where: { id },
      ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}),
    });
  }

  /** Published ideas only: the public catalogue's one way in. */
  findPublishedBySlug(em: EntityManager, slug: string): Promise<GoodIdea | null> {
    return em.findOne(GoodIdea, { where: { slug, status: PUBLISHED } });
  }

  async slugTaken(em: EntityManager, slug: string): Promise<boolean> {
    return em.existsBy(GoodIdea, { slug });
  }

  /** Two ideas written at the same moment with the same title and city: the second is told to retry. */
  async insert(em: EntityManager, idea: Partial<GoodIdea>): Promise<GoodIdea> {
    try {
      const { id } = await em.save(GoodIdea, em.create(GoodIdea, idea));
      return em.findOneByOrFail(GoodIdea, { id });
    } catch (err) {
      if (isUniqueViolation(err, 'uq_good_ideas_slug'))
        throw new CoreError(CoreErrorCode.Conflict, 'Another idea with this title was just written; retry');
      throw err;
    }
  }

  async update(em: EntityManager, id: string, changes: Partial<GoodIdea>): Promise<GoodIdea> {
    await em.update(GoodIdea, { id }, {
      ...changes,
      version: () => 'version + 1',
      updatedAt: () => 'now()',
    } as never);
    return em.findOneByOrFail(GoodIdea, { id });
  }

  /** Compare-and-set: moves the idea only if it is still in one of `from`. */
  async moveStatus(
    em: EntityManager,
    id: string,
    from: GoodIdeaStatus[],
    to: GoodIdeaStatus,
    changes: Partial<GoodIdea> = {},
  ): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(GoodIdea)
      .set({ ...changes, status: to, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  async organizationName(em: EntityManager, organizationId: string): Promise<string | null> {
    const [row] = await em.query<{ name: string }[]>(`SELECT name FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
    return row?.name ?? null;
  }

  async organization(
    em: EntityManager,
    organizationId: string,
  ): Promise<{ id: string; name: string; country: string; city: string; kind: string } | null> {
    const [row] = await em.query<{ id: string; name: string; country: string; city: string; kind: string }[]>(
      `SELECT id, name, country, city, kind FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return row ?? null;
  }

  async organizationNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await em.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The idea an adapted programme came from, if it came from one. */
  async parentOfProgramme(em: EntityManager, programmeId: string): Promise<string | null> {
    const [row] = await em.query<{ idea_id: string }[]>(
      `SELECT idea_id FROM good_idea_adaptations WHERE programme_id = $1`,
      [programmeId],
    );
    return row?.idea_id ?? null;
  }

  async slugOf(em: EntityManager, id: string | null): Promise<string | null> {
    if (!id) return null;
    const [row] = await em.query<{ slug: string }[]>(
      `SELECT slug FROM good_ideas WHERE id = $1 AND status = 'published'`,
      [id],
    );
    return row?.slug ?? null;
  }

  // --- reviewers --------------------------------------------------------------------------------

  async isCuratorMember(em: EntityManager, organizationIds: string[]): Promise<boolean> {
    if (!organizationIds.length) return false;
    const [row] = await em.query<{ yes: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM good_idea_curators WHERE organization_id = ANY($1::uuid[])) AS yes`,
      [organizationIds],
    );
    return row.yes;
  }

  listCurators(em: EntityManager): Promise<GoodIdeaCurator[]> {
    return em.find(GoodIdeaCurator, { order: { grantedAt: 'ASC', organizationId: 'ASC' } });
  }

  /** Idempotent: granting twice keeps the first grant. */
  async grantCurator(
    em: EntityManager,
    organizationId: string,
    userId: string | null,
  ): Promise<GoodIdeaCurator> {
    await em.query(
      `INSERT INTO good_idea_curators (organization_id, granted_by_user_id) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId, userId],
    );
    return em.findOneByOrFail(GoodIdeaCurator, { organizationId });
  }

  async revokeCurator(em: EntityManager, organizationId: string): Promise<boolean> {
    const res = await em.delete(GoodIdeaCurator, { organizationId });
    return (res.affected ?? 0) > 0;
  }

  // --- assessments, endorsements, adaptations ---------------------------------------------------

  assessments(em: EntityManager, ideaId: string): Promise<GoodIdeaAssessment[]> {
    return em.find(GoodIdeaAssessment, { where: { ideaId }, order: { criterion: 'ASC' } });
  }

  async upsertAssessment(
    em: EntityManager,
    a: Pick<GoodIdeaAssessment, 'ideaId' | 'criterion' | 'rating' | 'rationale' | 'reviewerUserId'>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO good_idea_assessments (idea_id, criterion, rating, rationale, reviewer_user_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idea_id, criterion) DO UPDATE
         SET rating = EXCLUDED.rating, rationale = EXCLUDED.rationale,
             reviewer_user_id = EXCLUDED.reviewer_user_id, assessed_at = now()`,
      [a.ideaId, a.criterion, a.rating, a.rationale, a.reviewerUserId],
    );
  }

  async endorsements(em: EntityManager, ideaId: string): Promise<EndorsementRow[]> {
    const rows = await em.query<
      {
        id: string;
        idea_id: string;
        organization_id: string;
        kind: GoodIdeaEndorsement['kind'];
        statement: string;
        created_by_user_id: string | null;
        created_at: Date;
        name: string;
        city: string;
        country: string;
      }[]
    >(
      `SELECT e.*, o.name, o.city, o.country
         FROM good_idea_endorsements e JOIN organizations o ON o.id = e.organization_id
        WHERE e.idea_id = $1 ORDER BY e.created_at, e.id`,
      [ideaId],
    );
    return rows.map((r) => ({
      id: r.id,
      ideaId: r.idea_id,
      organizationId: r.organization_id,
      kind: r.kind,
      statement: r.statement,
      createdByUserId: r.created_by_user_id,
      createdAt: r.created_at,
      organizationName: r.name,
      city: r.city,
      country: r.country,
    }));
  }

  /** Inserts; a second endorsement by the same organisation violates uq_good_idea_endorsements_idea_organization. */
  async insertEndorsement(em: EntityManager, e: Partial<GoodIdeaEndorsement>): Promise<GoodIdeaEndorsement> {
    const { id } = await em.save(GoodIdeaEndorsement, em.create(GoodIdeaEndorsement, e));
    return em.findOneByOrFail(GoodIdeaEndorsement, { id });
  }

  async insertAdaptation(em: EntityManager, a: Partial<GoodIdeaAdaptation>): Promise<GoodIdeaAdaptation> {
    const { id } = await em.save(GoodIdeaAdaptation, em.create(GoodIdeaAdaptation, a));
    return em.findOneByOrFail(GoodIdeaAdaptation, { id });
  }

  findAdaptation(em: EntityManager, id: string): Promise<GoodIdeaAdaptation | null> {
    return em.findOneBy(GoodIdeaAdaptation, { id });
  }

  /** Where an idea has travelled: each adaptation's city, its programme's status, and the idea written from it. */
  async adaptations(em: EntityManager, ideaId: string): Promise<AdaptationSummaryResponse[]> {
    const rows = await em.query<
      {
        id: string;
        city: string;
        country: string;
        name: string;
        start_date: string;
        status: string;
        child_slug: string | null;
      }[]
    >(
      `SELECT a.id, a.city, a.country, o.name, a.start_date::text, p.status,
              (SELECT c.slug FROM good_ideas c
                WHERE c.parent_idea_id = a.idea_id AND c.programme_id = a.programme_id AND c.status = 'published'
                ORDER BY c.published_at LIMIT 1) AS child_slug
         FROM good_idea_adaptations a
         JOIN organizations o ON o.id = a.organization_id
         JOIN programmes p ON p.id = a.programme_id
        WHERE a.idea_id = $1
        ORDER BY a.created_at, a.id`,
      [ideaId],
    );
    return rows.map((r) => ({
      id: r.id,
      city: r.city,
      country: r.country,
      organizationName: r.name,
      startDate: r.start_date,
      programmeStatus: r.status,
      childSlug: r.child_slug,
    }));
  }

  // --- lists ------------------------------------------------------------------------------------

  /** The console's list: the caller's organisations' ideas, and for reviewers every idea not a draft. */
  listVisible(scope: GoodIdeaScope, filter: ListGoodIdeasDto): Promise<Page<GoodIdea>> {
    const qb = this.dataSource.getRepository(GoodIdea).createQueryBuilder('gi');
    qb.where(
      new Brackets((w) => {
        w.where('gi.status = :published', { published: PUBLISHED });
        if (scope.organizationIds.length)
          w.orWhere('gi.organization_id IN (:...orgs)', { orgs: scope.organizationIds });
        if (scope.reviewer) w.orWhere(`gi.status <> 'draft'`);
      }),
    );
    if (filter.status) qb.andWhere('gi.status = :status', { status: filter.status });
    if (filter.organizationId) qb.andWhere('gi.organization_id = :org', { org: filter.organizationId });
    return paginateByCreation(qb, 'gi', filter, 'DESC');
  }

  /**
   * The public catalogue: published ideas only, newest first (a keyset on publishedAt, id: stable
   * pages, and search narrows rather than re-ranks). `q` matches any language's document, each with
   * its own configuration, so PostgreSQL can combine the four GIN indexes (BitmapOr).
   */
  searchPublished(filter: ListPublicGoodIdeasDto): Promise<Page<GoodIdea>> {
    const qb = this.dataSource.getRepository(GoodIdea).createQueryBuilder('gi');
    qb.where('gi.status = :published', { published: PUBLISHED });
    const q = filter.q?.trim();
    if (q) qb.andWhere(matchesInAnyLanguage(SEARCH_DOCUMENTS, q));
    if (filter.country) qb.andWhere('gi.country = :country', { country: filter.country });
    if (filter.city) qb.andWhere('lower(gi.city) = lower(:city)', { city: filter.city.trim() });
    if (filter.dimension) qb.andWhere(':dimension = ANY(gi.dimensions)', { dimension: filter.dimension });
    if (filter.theme) qb.andWhere(':theme = ANY(gi.themes)', { theme: filter.theme });
    if (filter.targetGroup) qb.andWhere(':tg = ANY(gi.target_groups)', { tg: filter.targetGroup });
    if (filter.sdgTarget) qb.andWhere(':sdg = ANY(gi.sdg_targets)', { sdg: filter.sdgTarget });
    if (filter.gcmObjective) qb.andWhere(':gcm = ANY(gi.gcm_objectives)', { gcm: filter.gcmObjective });
    if (filter.partnerKind?.length)
      qb.andWhere('gi.partner_kinds && (:kinds)::varchar[]', { kinds: filter.partnerKind });
    if (filter.language) qb.andWhere(':lang = ANY(gi.languages)', { lang: filter.language });
    return paginate(qb, {
      keys: ['gi.published_at', 'gi.id'],
      direction: 'DESC',
      cursorOf: (r) => [r.publishedAt!.toISOString(), r.id],
      query: filter,
    });
  }

  /** The Atom feed: the newest published ideas. */
  latestPublished(em: EntityManager, limit: number): Promise<GoodIdea[]> {
    return em.find(GoodIdea, {
      where: { status: PUBLISHED },
      order: { publishedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /**
   * The catalogue as report rows: every published idea (published ideas are public, so the scope
   * is "published") with its four ratings and how far it has travelled. Organisations, never people.
   */
  async publishedReportRows(em: EntityManager): Promise<GoodIdeaReportRow[]> {
    return em.query<GoodIdeaReportRow[]>(
      `SELECT gi.slug, gi.texts #>> ARRAY[gi.languages[1], 'title'] AS title, o.name AS organization,
              gi.city, gi.country, array_to_string(gi.languages, ';') AS languages,
              array_to_string(gi.dimensions, ';') AS dimensions, array_to_string(gi.themes, ';') AS themes,
              array_to_string(gi.partner_kinds, ';') AS partner_kinds,
              to_char(gi.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS published_on,
              max(a.rating) FILTER (WHERE a.criterion = 'practical')::int AS practical,
              max(a.rating) FILTER (WHERE a.criterion = 'innovative')::int AS innovative,
              max(a.rating) FILTER (WHERE a.criterion = 'successful')::int AS successful,
              max(a.rating) FILTER (WHERE a.criterion = 'transferable')::int AS transferable,
              (SELECT count(*)::int FROM good_idea_endorsements e WHERE e.idea_id = gi.id) AS endorsements,
              (SELECT count(*)::int FROM good_idea_adaptations d WHERE d.idea_id = gi.id) AS adaptations,
              (SELECT string_agg(d.city, ';' ORDER BY d.created_at) FROM good_idea_adaptations d WHERE d.idea_id = gi.id) AS adapted_in
         FROM good_ideas gi
         JOIN organizations o ON o.id = gi.organization_id
         LEFT JOIN good_idea_assessments a ON a.idea_id = gi.id
        WHERE gi.status = 'published'
        GROUP BY gi.id, o.name
        ORDER BY gi.published_at, gi.id`,
    );
  }
}
