import { Injectable, Logger } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { Actor } from '@tandem/core';
import { CoreError, isUniqueViolation } from '@tandem/core';
import { ManagersMilestonesService, ProgrammesService } from '@tandem/programmes';
import { TasksService } from '@tandem/tasks';
import { CreateAdaptationDto, CreateEndorsementDto } from './dto';
import { GoodIdea, GoodIdeaStatus, IndicatorSlot, PartnerSlot, RecognitionKind } from './entities';
import { GoodIdeaAccessService } from './good-idea-access.service';
import { GoodIdeaEvidenceService, IdeaStructure } from './good-idea-evidence.service';
import { AdaptationResponse, adaptationView, RecognitionResponse, textIn } from './good-idea.view';
import { GoodIdeaNotification } from './good-ideas.events';
import { GoodIdeasError, GoodIdeasErrorCode } from './good-ideas.errors';
import { GoodIdeasRepository } from './good-ideas.repository';
import { GoodIdeasService } from './good-ideas.service';

const KIND_WORDS: Record<string, string> = {
  government: 'a government',
  employer: 'an employer',
  civil_society: 'a civil-society organisation',
  migrant_association: 'a migrant association',
};

/** "an employer in sector C", "a municipal government", "a migrant association". */
export function describeSlot(s: {
  kind: string;
  sector: string | null;
  governmentLevel: string | null;
}): string {
  if (s.kind === 'employer' && s.sector) return `an employer in sector ${s.sector}`;
  if (s.kind === 'government' && s.governmentLevel) return `a ${s.governmentLevel} government`;
  return KIND_WORDS[s.kind] ?? `an organisation (${s.kind})`;
}

/** Adds days to a calendar date, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How good ideas travel: peers endorse them, other cities adapt them into draft programmes. */
@Injectable()
export class GoodIdeaTravelService {
  private readonly logger = new Logger(GoodIdeaTravelService.name);

  constructor(
    private readonly write: DomainWrite,
    private readonly ideas: GoodIdeasRepository,
    private readonly access: GoodIdeaAccessService,
    private readonly ideasService: GoodIdeasService,
    private readonly evidence: GoodIdeaEvidenceService,
    private readonly programmes: ProgrammesService,
    private readonly milestones: ManagersMilestonesService,
    private readonly tasks: TasksService,
  ) {}

  /** An org admin of another organisation endorses a published idea; one per organisation (409). */
  async endorse(actor: Actor, id: string, dto: CreateEndorsementDto): Promise<RecognitionResponse> {
    return this.write.run(async (em) => {
      const { idea } = await this.access.load(actor, id, em);
      this.assertPublished(idea);
      if (!this.access.isOrgAdmin(actor, dto.organizationId))
        throw CoreError.forbidden("Only the organisation's org admins may endorse in its name");
      if (dto.organizationId === idea.organizationId)
        throw new GoodIdeasError(
          GoodIdeasErrorCode.GoodIdeaOwnOrganization,
          'An organisation cannot endorse its own idea',
          'organizationId',
        );
      // Awards are given by reviewers (platform admins, curators); peers endorse.
      const kind = dto.kind ?? RecognitionKind.Endorsement;
      if (kind === RecognitionKind.Award && !(await this.access.isReviewer(actor, em)))
        throw CoreError.forbidden('Awards are recorded by reviewers');
      let endorsementId: string;
      try {
        const e = await this.ideas.insertEndorsement(em, {
          ideaId: id,
          organizationId: dto.organizationId,
          kind,
          statement: dto.statement,
          createdByUserId: actor.userId,
        });
        endorsementId = e.id;
      } catch (err) {
        if (isUniqueViolation(err, 'uq_good_idea_endorsements_idea_organization')) {
          throw new GoodIdeasError(
            GoodIdeasErrorCode.GoodIdeaAlreadyEndorsed,
            'Your organisation has already endorsed this idea',
            'organizationId',
          );
        }
        throw err;
      }
      await this.write.auditCreate(em, 'good_idea_endorsement', endorsementId, {
        ideaId: id,
        organizationId: dto.organizationId,
        kind,
        statement: dto.statement,
      });
      const orgName = (await this.ideas.organizationName(em, dto.organizationId)) ?? '';
      await this.ideasService.notify(
        em,
        GoodIdeaNotification.Endorsed,
        idea,
        { ideaTitle: textIn(idea).title, organizationName: orgName, statement: dto.statement.slice(0, 300) },
        { organizationIds: [idea.organizationId] },
      );
      const rows = await this.ideas.endorsements(em, id);
      const row = rows.find((r) => r.id === endorsementId)!;
      return {
        id: row.id,
        kind: row.kind,
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        city: row.city,
        country: row.country,
        statement: row.statement,
        createdAt: row.createdAt,
      };
    });
  }

  /**
   * An org admin adapts a published idea for their city: a draft programme led by their
   * organisation, created through the programmes library (its rules and audit apply), with the
   * milestones shifted to the new start date, tasks from the templates, and the indicators and
   * partner roles as open slots (baselines are the new city's to measure). Linked back to the idea;
   * the authors are notified.
   *
   * The programmes and tasks services commit their own transactions, so this is not one
   * transaction: if it fails midway the caller keeps a draft programme without the link, which they
   * can cancel; nothing is published or shown to others by it.
   */
  async adapt(actor: Actor, id: string, dto: CreateAdaptationDto): Promise<AdaptationResponse> {
    const { idea } = await this.access.load(actor, id);
    this.assertPublished(idea);
    if (!this.access.isOrgAdmin(actor, dto.organizationId))
      throw CoreError.forbidden("Only the organisation's org admins may start a programme in its name");
    const org = await this.ideas.organization(this.ideas.manager, dto.organizationId);
    if (!org) throw CoreError.invalid('organizationId', 'is not an organisation');
    const structure =
      (idea.structureSnapshot as unknown as IdeaStructure | null) ??
      (await this.evidence.structure(this.ideas.manager, idea.programmeId));
    const text = textIn(idea);
    const duration = structure?.durationDays ?? 365;
    const programme = await this.programmes.create(actor, {
      title: `${text.title} (${dto.city})`.slice(0, 200),
      summary:
        `Adapted from the good idea "${text.title}" (${idea.city}, ${idea.country}). ${text.summary}`.slice(
          0,
          5000,
        ),
      leadOrganizationId: dto.organizationId,
      startDate: dto.startDate,
      endDate: addDays(dto.startDate, Math.max(duration, 1)),
      country: dto.country ?? org.country,
      city: dto.city,
      targetGroups: structure?.targetGroups ?? idea.targetGroups,
      dimensions: structure?.dimensions ?? idea.dimensions,
      sdgTargets: structure?.sdgTargets ?? idea.sdgTargets,
      gcmObjectives: structure?.gcmObjectives ?? idea.gcmObjectives,
    });
    const milestoneIds = new Map<string, string>();
    const created: { title: string; dueDate: string }[] = [];
    for (const m of structure?.milestones ?? []) {
      const dueDate = addDays(dto.startDate, m.offsetDays);
      const view = await this.milestones.createMilestone(actor, programme.id, { title: m.title, dueDate });
      if (!milestoneIds.has(m.title)) milestoneIds.set(m.title, view.id);
      created.push({ title: m.title, dueDate });
    }
    let tasksCreated = 0;
    for (const t of structure?.tasks ?? []) {
      await this.tasks.create(actor, programme.id, {
        title: t.title,
        description: t.description,
        assigneeOrganizationId: dto.organizationId,
        milestoneId: t.milestoneTitle ? (milestoneIds.get(t.milestoneTitle) ?? null) : null,
        dueDate: t.dueOffsetDays === null ? null : addDays(dto.startDate, t.dueOffsetDays),
      });
      tasksCreated++;
    }
    const indicatorSlots: IndicatorSlot[] = (structure?.indicators ?? []).map((i) => ({
      name: i.name,
      dimension: i.dimension,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      baseline: null,
    }));
    const partnerSlots: PartnerSlot[] = (structure?.partnerSlots ?? []).map((s) => ({
      kind: s.kind,
      role: s.role,
      description: describeSlot(s),
      filledByOrganizationId: null,
    }));
    return this.write.run(async (em) => {
      const adaptation = await this.ideas.insertAdaptation(em, {
        ideaId: idea.id,
        programmeId: programme.id,
        organizationId: dto.organizationId,
        city: dto.city,
        country: dto.country ?? org.country,
        startDate: dto.startDate,
        indicatorSlots,
        partnerSlots,
        createdByUserId: actor.userId,
      });
      await this.write.auditCreate(em, 'good_idea_adaptation', adaptation.id, {
        ideaId: idea.id,
        programmeId: programme.id,
        organizationId: dto.organizationId,
        city: dto.city,
      });
      await this.ideasService.notify(
        em,
        GoodIdeaNotification.Adapted,
        idea,
        { ideaTitle: text.title, organizationName: org.name, city: dto.city, startDate: dto.startDate },
        { organizationIds: [idea.organizationId] },
      );
      this.logger.log({ msg: 'good idea adapted', ideaId: idea.id, programmeId: programme.id });
      return adaptationView(adaptation, created, tasksCreated);
    });
  }

  private assertPublished(idea: GoodIdea): void {
    if (idea.status !== GoodIdeaStatus.Published)
      throw new GoodIdeasError(
        GoodIdeasErrorCode.GoodIdeaNotPublished,
        `Only published ideas are endorsed and adapted; this one is ${idea.status}`,
      );
  }
}
