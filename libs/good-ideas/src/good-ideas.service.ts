import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor, isSystem } from '@tandem/core';
import { Clock, CoreError, CoreErrorCode, mapPage, Page } from '@tandem/core';
import { NotificationParams, NotificationsService } from '@tandem/notifications';
import { UsersRepository } from '@tandem/auth';
import { ProgrammeAccessService } from '@tandem/programmes';
import { EntityManager } from 'typeorm';
import {
  AssessCriterionDto,
  CreateGoodIdeaDto,
  ListGoodIdeasDto,
  TransitionGoodIdeaDto,
  UpdateGoodIdeaDto,
} from './dto';
import {
  GOOD_IDEA_CRITERIA,
  GoodIdea,
  GoodIdeaCriterion,
  GoodIdeaLanguage,
  GoodIdeaStatus as S,
  GoodIdeaText,
} from './entities';
import { GoodIdeaAccessService } from './good-idea-access.service';
import { GoodIdeaEvidenceService } from './good-idea-evidence.service';
import {
  assessmentView,
  contentView,
  EvidenceResponse,
  GoodIdeaResponse,
  GoodIdeaSummaryResponse,
  ideaSnapshot,
  recognitionView,
  summaryView,
  textIn,
} from './good-idea.view';
import { GOOD_IDEA_SUBJECT, GoodIdeaNotification, GoodIdeaNotificationType } from './good-ideas.events';
import { GoodIdeasError, GoodIdeasErrorCode } from './good-ideas.errors';
import { GoodIdeasRepository } from './good-ideas.repository';

/** Who may move an idea, from where to where. */
const TRANSITIONS: Record<string, { from: S[]; by: 'author' | 'reviewer' | 'either' }> = {
  [S.Submitted]: { from: [S.Draft, S.Returned], by: 'author' },
  [S.Published]: { from: [S.Submitted], by: 'reviewer' },
  [S.Returned]: { from: [S.Submitted], by: 'reviewer' },
  [S.Archived]: { from: [S.Published], by: 'either' },
};

const EDITABLE: readonly S[] = [S.Draft, S.Returned];

/** A URL-safe slug from a title (Latin letters folded; other scripts give way to "idea") and a short id. */
export function slugFor(title: string, id?: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return id ? `${base || 'idea'}-${id.slice(0, 8)}` : base || `idea`;
}

const complete = (t: Partial<GoodIdeaText> | undefined): boolean =>
  !!t &&
  [t.title, t.summary, t.challenge, t.approach].every((x) => typeof x === 'string' && x.trim().length > 0);

@Injectable()
export class GoodIdeasService {
  constructor(
    private readonly write: DomainWrite,
    private readonly ideas: GoodIdeasRepository,
    private readonly access: GoodIdeaAccessService,
    private readonly evidence: GoodIdeaEvidenceService,
    private readonly programmes: ProgrammeAccessService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly users: UsersRepository,
  ) {}

  /**
   * A member of an organisation writes an idea. From a programme: a manager of it who belongs to
   * its lead organisation, which becomes the author. Otherwise the author is the caller's
   * organisation (`organizationId` when they belong to several).
   */
  async create(actor: Actor, dto: CreateGoodIdeaDto): Promise<GoodIdeaResponse> {
    return this.write.run(async (em) => {
      let organizationId: string;
      let parentIdeaId: string | null = null;
      if (dto.programmeId) {
        const pa = await this.programmes.require(actor, dto.programmeId, 'manage', em);
        organizationId = pa.programme.leadOrganizationId;
        if (!this.access.orgIds(actor).includes(organizationId))
          throw new GoodIdeasError(
            GoodIdeasErrorCode.GoodIdeaProgrammeNotLed,
            'programmeId must be a programme led by your organisation',
            'programmeId',
          );
        parentIdeaId = await this.ideas.parentOfProgramme(em, dto.programmeId);
      } else {
        const orgs = this.access.orgIds(actor);
        if (isSystem(actor) && dto.organizationId) orgs.push(dto.organizationId);
        if (dto.organizationId && !orgs.includes(dto.organizationId))
          throw CoreError.invalid('organizationId', 'must be an organisation you belong to');
        if (!dto.organizationId && orgs.length !== 1)
          throw CoreError.invalid(
            'programmeId',
            orgs.length ? 'is required when you belong to several organisations' : 'is required',
          );
        organizationId = dto.organizationId ?? orgs[0];
      }
      const languages = dto.languages;
      const texts = this.mergeTexts({}, languages, dto);
      const id = crypto.randomUUID();
      // Readable and stable (title and city) unless taken; then made unique with the id.
      const preferred = slugFor(`${dto.title} ${dto.city}`);
      const slug = (await this.ideas.slugTaken(em, preferred)) ? slugFor(dto.title, id) : preferred;
      const idea = await this.ideas.insert(em, {
        id,
        slug,
        organizationId,
        programmeId: dto.programmeId ?? null,
        parentIdeaId,
        territoryId: null,
        status: S.Draft,
        city: dto.city,
        country: dto.country,
        dimensions: dto.dimensions ?? [],
        themes: dto.themes ?? [],
        targetGroups: dto.targetGroups ?? [],
        sdgTargets: dto.sdgTargets ?? [],
        gcmObjectives: dto.gcmObjectives ?? [],
        partners: (dto.partners ?? []).map((p) => ({
          kind: p.kind as never,
          role: p.role,
          name: p.name ?? null,
        })),
        partnerKinds: [...new Set((dto.partners ?? []).map((p) => p.kind))].sort(),
        resources: dto.resources ?? [],
        startedOn: dto.startedOn ?? null,
        languages,
        texts,
        createdByUserId: actor.userId,
      });
      await this.write.auditCreate(em, 'good_idea', id, ideaSnapshot(idea));
      return this.view(em, idea, true);
    });
  }

  async get(actor: Actor, id: string): Promise<GoodIdeaResponse> {
    const { idea } = await this.access.load(actor, id);
    return this.view(this.ideas.manager, idea, true);
  }

  async list(actor: Actor, filter: ListGoodIdeasDto): Promise<Page<GoodIdeaSummaryResponse>> {
    const page = await this.ideas.listVisible(await this.access.scope(actor), filter);
    const names = await this.ideas.organizationNames(
      this.ideas.manager,
      page.items.map((i) => i.organizationId),
    );
    return mapPage(page, (i) => summaryView(i, names.get(i.organizationId) ?? ''));
  }

  /** Authors edit while the idea is a draft or returned to them; `expectedVersion` from If-Match. */
  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateGoodIdeaDto,
  ): Promise<GoodIdeaResponse> {
    return this.write.run(async (em) => {
      const a = await this.access.load(actor, id, em, true);
      this.access.assertAuthor(a);
      const current = a.idea;
      if (!EDITABLE.includes(current.status))
        throw new GoodIdeasError(
          GoodIdeasErrorCode.GoodIdeaNotEditable,
          `The idea is ${current.status}; it can be edited while it is a draft or returned`,
        );
      if (current.version !== expectedVersion)
        throw new CoreError(
          CoreErrorCode.VersionMismatch,
          `The idea changed since you read it (now version ${current.version}); reload and retry`,
        );
      const languages = dto.languages ?? current.languages;
      const changes: Partial<GoodIdea> = {
        languages,
        texts: this.mergeTexts(current.texts, languages, dto),
      };
      if (dto.city !== undefined) changes.city = dto.city;
      if (dto.country !== undefined) changes.country = dto.country;
      if (dto.dimensions !== undefined) changes.dimensions = dto.dimensions;
      if (dto.themes !== undefined) changes.themes = dto.themes;
      if (dto.targetGroups !== undefined) changes.targetGroups = dto.targetGroups;
      if (dto.sdgTargets !== undefined) changes.sdgTargets = dto.sdgTargets;
      if (dto.gcmObjectives !== undefined) changes.gcmObjectives = dto.gcmObjectives;
      if (dto.resources !== undefined) changes.resources = dto.resources;
      if (dto.startedOn !== undefined) changes.startedOn = dto.startedOn ?? null;
      if (dto.partners !== undefined) {
        changes.partners = dto.partners.map((p) => ({
          kind: p.kind as never,
          role: p.role,
          name: p.name ?? null,
        }));
        changes.partnerKinds = [...new Set(dto.partners.map((p) => p.kind))].sort();
      }
      const idea = await this.ideas.update(em, id, changes);
      await this.write.auditUpdate(em, 'good_idea', id, ideaSnapshot(current), ideaSnapshot(idea));
      return this.view(em, idea, true);
    });
  }

  async transition(actor: Actor, id: string, dto: TransitionGoodIdeaDto): Promise<GoodIdeaResponse> {
    return this.write.run(async (em) => {
      const a = await this.access.load(actor, id, em, true);
      const rule = TRANSITIONS[dto.to];
      if (!rule) throw CoreError.invalid('to', 'must be one of: submitted, published, returned, archived');
      if (rule.by === 'author') this.access.assertAuthor(a);
      if (rule.by === 'reviewer') this.access.assertReviewer(a);
      if (rule.by === 'either' && !a.isReviewer && !this.access.isOrgAdmin(actor, a.idea.organizationId))
        throw CoreError.forbidden(
          "Only reviewers and the authoring organisation's org admins may archive an idea",
        );
      const before = a.idea;
      if (!rule.from.includes(before.status))
        throw new GoodIdeasError(
          GoodIdeasErrorCode.GoodIdeaTransitionNotAllowed,
          `A ${before.status} idea cannot become ${dto.to}`,
          'to',
        );
      const now = this.clock.now();
      const changes: Partial<GoodIdea> = {};
      if (dto.to === S.Submitted) {
        if (!before.languages.some((l) => complete(before.texts[l as GoodIdeaLanguage])))
          throw new GoodIdeasError(
            GoodIdeasErrorCode.GoodIdeaTextIncomplete,
            'At least one language needs a title, summary, challenge and approach before submitting',
            'texts',
          );
        changes.submittedAt = now;
        changes.returnedReason = null;
      }
      if (dto.to === S.Returned) changes.returnedReason = dto.reason!;
      if (dto.to === S.Published) {
        const assessed = new Set((await this.ideas.assessments(em, id)).map((x) => x.criterion));
        const missing = GOOD_IDEA_CRITERIA.filter((c) => !assessed.has(c));
        if (missing.length)
          throw new GoodIdeasError(
            GoodIdeasErrorCode.GoodIdeaAssessmentIncomplete,
            `Every criterion needs a rating and a rationale before publishing; missing: ${missing.join(', ')}`,
            'assessments',
          );
        changes.publishedAt = now;
        // Frozen, dated evidence and structure: what the idea showed when it was judged.
        const evidence = await this.evidence.live(em, before.programmeId);
        changes.evidenceSnapshot = evidence as unknown as Record<string, unknown>;
        changes.evidenceSnapshotAt = evidence ? now : null;
        const structure = await this.evidence.structure(em, before.programmeId);
        changes.structureSnapshot = structure as unknown as Record<string, unknown>;
      }
      if (dto.to === S.Archived) changes.archivedAt = now;
      const moved = await this.ideas.moveStatus(em, id, rule.from, dto.to, changes);
      if (!moved)
        throw new GoodIdeasError(
          GoodIdeasErrorCode.GoodIdeaTransitionNotAllowed,
          'The idea changed; reload',
          'to',
        );
      const idea = (await this.ideas.findById(em, id))!;
      await this.write.auditUpdate(
        em,
        'good_idea',
        id,
        { status: before.status },
        { status: idea.status, reason: idea.returnedReason },
      );
      const title = textIn(idea).title;
      if (dto.to === S.Submitted) {
        const orgName = (await this.ideas.organizationName(em, idea.organizationId)) ?? '';
        const reviewers = await this.reviewerRecipients(em);
        await this.notify(
          em,
          GoodIdeaNotification.Submitted,
          idea,
          { ideaTitle: title, organizationName: orgName },
          {
            ...reviewers,
            exceptUserId: actor.userId,
          },
        );
      }
      if (dto.to === S.Returned)
        await this.notify(
          em,
          GoodIdeaNotification.Returned,
          idea,
          { ideaTitle: title, reason: dto.reason! },
          {
            organizationIds: [idea.organizationId],
          },
        );
      if (dto.to === S.Published)
        await this.notify(
          em,
          GoodIdeaNotification.Published,
          idea,
          { ideaTitle: title, slug: idea.slug },
          {
            organizationIds: [idea.organizationId],
          },
        );
      return this.view(em, idea, true);
    });
  }

  /** A reviewer rates one criterion with a written rationale, while the idea is submitted. */
  async assess(actor: Actor, id: string, dto: AssessCriterionDto): Promise<GoodIdeaResponse> {
    return this.write.run(async (em) => {
      const a = await this.access.load(actor, id, em, true);
      this.access.assertReviewer(a);
      if (a.idea.status !== S.Submitted)
        throw new GoodIdeasError(
          GoodIdeasErrorCode.GoodIdeaTransitionNotAllowed,
          `Ideas are assessed while submitted; this one is ${a.idea.status}`,
        );
      await this.ideas.upsertAssessment(em, {
        ideaId: id,
        criterion: dto.criterion as GoodIdeaCriterion,
        rating: dto.rating,
        rationale: dto.rationale,
        reviewerUserId: actor.userId,
      });
      await this.write.audit(em, {
        action: 'update',
        entityType: 'good_idea_assessment',
        entityId: id,
        after: { criterion: dto.criterion, rating: dto.rating, rationale: dto.rationale },
      });
      return this.view(em, a.idea, true);
    });
  }

  /** The full view: texts, assessments, recognitions, adaptations, live evidence and its snapshot. */
  async view(em: EntityManager, idea: GoodIdea, withEvidence: boolean): Promise<GoodIdeaResponse> {
    // Sequential: `em` may be a transaction's single connection.
    const orgName = await this.ideas.organizationName(em, idea.organizationId);
    const assessments = await this.ideas.assessments(em, idea.id);
    const endorsements = await this.ideas.endorsements(em, idea.id);
    const adaptations = await this.ideas.adaptations(em, idea.id);
    const evidence = withEvidence ? await this.evidence.live(em, idea.programmeId) : null;
    return {
      ...summaryView(idea, orgName ?? ''),
      programmeId: idea.programmeId,
      parentIdeaId: idea.parentIdeaId,
      territoryId: idea.territoryId,
      ...contentView(idea),
      returnedReason: idea.returnedReason,
      submittedAt: idea.submittedAt,
      assessments: assessments.map(assessmentView),
      recognitions: endorsements.map(recognitionView),
      adaptations,
      evidence,
      evidenceSnapshot: idea.evidenceSnapshot as unknown as EvidenceResponse | null,
      createdAt: idea.createdAt,
      updatedAt: idea.updatedAt,
      version: idea.version,
    };
  }

  async notify<T extends GoodIdeaNotificationType>(
    em: EntityManager,
    type: T,
    idea: GoodIdea,
    params: NotificationParams[T],
    recipients: Parameters<NotificationsService['notify']>[1]['recipients'],
  ): Promise<void> {
    await this.notifications.notify(em, {
      type,
      subject: { type: GOOD_IDEA_SUBJECT, id: idea.id },
      recipients,
      params,
    });
  }

  /** Reviewers: platform admins and the members of curator organisations. */
  private async reviewerRecipients(
    em: EntityManager,
  ): Promise<{ userIds: string[]; organizationIds: string[] }> {
    const admins = await this.users.platformAdminIds(em);
    const curators = await this.ideas.listCurators(em);
    return { userIds: admins, organizationIds: curators.map((c) => c.organizationId) };
  }

  /** The primary language's text comes from the top-level fields; `texts` adds or replaces the others. */
  private mergeTexts(
    current: GoodIdea['texts'],
    languages: string[],
    dto: Partial<CreateGoodIdeaDto>,
  ): GoodIdea['texts'] {
    const out: GoodIdea['texts'] = {};
    const extra = (dto.texts ?? {}) as Record<string, Partial<GoodIdeaText> | undefined>;
    for (const key of Object.keys(extra))
      if (extra[key] && !languages.includes(key))
        throw CoreError.invalid(`texts.${key}`, `is not one of languages (${languages.join(', ')})`);
    for (const l of languages as GoodIdeaLanguage[]) {
      const base: GoodIdeaText = {
        title: '',
        summary: '',
        challenge: '',
        approach: '',
        ...(current[l] ?? {}),
      };
      const merged = {
        ...base,
        ...Object.fromEntries(Object.entries(extra[l] ?? {}).filter(([, v]) => v !== undefined)),
      };
      if (l === languages[0]) {
        if (dto.title !== undefined) merged.title = dto.title;
        if (dto.summary !== undefined) merged.summary = dto.summary;
        if (dto.challenge !== undefined) merged.challenge = dto.challenge;
        if (dto.approach !== undefined) merged.approach = dto.approach;
      }
      out[l] = merged;
    }
    if (!out[languages[0] as GoodIdeaLanguage]?.title?.trim())
      throw CoreError.invalid('title', `is required (in ${languages[0]}, the first of languages)`);
    return out;
  }
}
