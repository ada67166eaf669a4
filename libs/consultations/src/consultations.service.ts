import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';

import { Clock, CoreError, mapPage, Page, Actor, assertVersion } from '@tandem/core';
import { ProgrammesRepository } from '@tandem/programmes';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';
import { ConsultationAccessService } from './consultation-access.service';
import { DEFAULT_ANONYMITY_THRESHOLD } from './consultation-anonymity';
import { canTransition, isEditable } from './consultation-lifecycle';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { consultationSnapshot, consultationView, ConsultationView } from './consultation.view';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { ConsultationsRepository } from './consultations.repository';
import { CreateConsultationDto, ListConsultationsDto, UpdateConsultationDto } from './dto';
import { Consultation, ConsultationAudience, ConsultationStatus as S } from './entities';
import { missingLanguages } from './localized-text';
import { PublicOutcomeService } from './public-outcome.service';
import { QuestionsRepository } from './questions.repository';

@Injectable()
export class ConsultationsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly consultations: ConsultationsRepository,
    private readonly questions: QuestionsRepository,
    private readonly access: ConsultationAccessService,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly publication: PublicOutcomeService,
  ) {}

  /** A member of a government organisation drafts a consultation it owns. */
  async create(actor: Actor, dto: CreateConsultationDto): Promise<ConsultationView> {
    const kind = await this.organizations.kind(dto.organizationId);
    const isMember = actor.memberships.some((m) => m.organizationId === dto.organizationId);
    if (!kind) throw CoreError.invalid('organizationId', 'is not an organisation');
    if (!isMember) throw CoreError.forbidden('Only members of the organisation draft its consultations');
    if (kind !== 'government')
      throw new ConsultationsError(
        ConsultationsErrorCode.NotGovernment,
        'Only government organisations run consultations',
        'organizationId',
      );
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    this.assertDates(opensAt, closesAt);
    const invited = dto.invitedOrganizationIds ?? [];
    const id = await this.write.run(async (em) => {
      await this.assertInvitees(em, dto.organizationId, invited);
      await this.assertProgrammes(em, dto.organizationId, dto.programmeIds ?? []);
      const c = await this.consultations.insert(em, {
        organizationId: dto.organizationId,
        title: dto.title,
        description: dto.description ?? {},
        languages: dto.languages,
        opensAt,
        closesAt,
        anonymous: dto.anonymous ?? false,
        anonymityThreshold: dto.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD,
        audience: dto.audience ?? ConsultationAudience.Invited,
        programmeIds: dto.programmeIds ?? [],
        createdByUserId: actor.userId,
      });
      await this.consultations.invite(em, c.id, invited);
      await this.write.auditCreate(em, 'consultation', c.id, consultationSnapshot(c, invited));
      return c.id;
    });
    return this.load(this.consultations.manager, id, true);
  }

  async list(actor: Actor, filter: ListConsultationsDto): Promise<Page<ConsultationView>> {
    const page = await this.consultations.listVisible(actor, filter);
    const invited = await this.consultations.invitedOf(page.items.map((c) => c.id));
    return mapPage(page, (c) => consultationView(c, invited.get(c.id) ?? []));
  }

  async get(actor: Actor, id: string): Promise<ConsultationView> {
    await this.access.require(actor, id, 'read');
    return this.load(this.consultations.manager, id, true);
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateConsultationDto,
  ): Promise<ConsultationView> {
    if (PublicOutcomeService.concerns(dto)) {
      await this.publication.set(actor, id, expectedVersion, dto);
      return this.load(this.consultations.manager, id, true);
    }
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      assertVersion(c, expectedVersion, 'consultation');
      const onlyClosing = Object.entries(dto).every(([k, v]) => k === 'closesAt' || v === undefined);
      // An open consultation may be extended (or shortened) but nothing else changes once it opens.
      if (!(c.status === S.Open && onlyClosing)) this.assertEditable(c.status);
      const beforeInvited = (await this.consultations.invitedOf([id], em)).get(id) ?? [];
      const before = consultationSnapshot(c, beforeInvited);
      if (dto.title !== undefined) c.title = dto.title;
      if (dto.description !== undefined) c.description = dto.description;
      if (dto.languages !== undefined) c.languages = dto.languages;
      if (dto.opensAt !== undefined) c.opensAt = new Date(dto.opensAt);
      if (dto.closesAt !== undefined) c.closesAt = new Date(dto.closesAt);
      if (dto.anonymous !== undefined) c.anonymous = dto.anonymous;
      if (dto.anonymityThreshold !== undefined) c.anonymityThreshold = dto.anonymityThreshold;
      if (dto.audience !== undefined) c.audience = dto.audience;
      if (dto.programmeIds !== undefined) {
        await this.assertProgrammes(em, c.organizationId, dto.programmeIds);
        c.programmeIds = dto.programmeIds;
      }
      this.assertDates(c.opensAt, c.closesAt);
      let invited = beforeInvited;
      if (dto.invitedOrganizationIds !== undefined) {
        invited = dto.invitedOrganizationIds;
        await this.assertInvitees(em, c.organizationId, invited);
        await this.consultations.replaceInvitations(em, id, invited);
      }
      c.version += 1;
      await this.consultations.save(em, c);
      if (c.status === S.Scheduled || c.status === S.Open) {
        // What was checked when it was scheduled must stay true until it opens. New dates need
        // nothing else: the timer sweep reads them from the row (a moved closing date reminds again).
        await this.assertReady(em, c);
      }
      await this.write.auditUpdate(em, 'consultation', id, before, consultationSnapshot(c, invited));
    });
    return this.load(this.consultations.manager, id, true);
  }

  async transition(actor: Actor, id: string, to: S): Promise<ConsultationView> {
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      if (!canTransition(c.status, to)) {
        const hint = to === S.OutcomePublished ? ' (publish it with POST /consultations/{id}/outcome)' : '';
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          `A consultation cannot go from ${c.status} to ${to}${hint}`,
          'to',
        );
      }
      if (to === S.Scheduled) await this.assertReady(em, c);
      const moved = await this.lifecycle.move(em, id, c.status, to);
      if (!moved)
        throw new ConsultationsError(
          ConsultationsErrorCode.ConsultationTransitionNotAllowed,
          'The consultation changed status meanwhile; reload and retry',
          'to',
        );
    });
    return this.load(this.consultations.manager, id, true);
  }

  assertEditable(status: S): void {
    if (!isEditable(status))
      throw new ConsultationsError(
        ConsultationsErrorCode.ConsultationFrozen,
        `A ${status} consultation can no longer be edited: questions and settings are frozen once it opens`,
      );
  }

  /**
   * Ready to be scheduled: every text in every offered language, at least one question, dates that
   * make sense and a closing date still ahead.
   */
  async assertReady(em: EntityManager, c: Consultation): Promise<void> {
    const langs = c.languages;
    const missing = (field: string, text: Record<string, string> | null | undefined) => {
      const gaps = missingLanguages(text, langs);
      if (gaps.length)
        throw new ConsultationsError(
          ConsultationsErrorCode.TranslationMissing,
          `${field} lacks a text in ${gaps.join(', ')}`,
          `${field}.${gaps[0]}`,
        );
    };
    missing('title', c.title);
    missing('description', c.description);
    const questions = await this.questions.ordered(c.id, em);
    if (!questions.length)
      throw new ConsultationsError(
        ConsultationsErrorCode.ConsultationIncomplete,
        'Add at least one question before scheduling',
        'questions',
      );
    questions.forEach((q, i) => {
      missing(`questions[${i}].prompt`, q.prompt);
      q.options.forEach((o, j) => missing(`questions[${i}].options[${j}].label`, o.label));
    });
    this.assertDates(c.opensAt, c.closesAt);
    if (c.closesAt.getTime() <= this.clock.now().getTime())
      throw new ConsultationsError(
        ConsultationsErrorCode.InvalidSchedule,
        'closesAt is already past',
        'closesAt',
      );
  }

  /** The consultation as its readers see it, questions included (access already checked). */
  view(id: string): Promise<ConsultationView> {
    return this.load(this.consultations.manager, id, true);
  }

  async load(em: EntityManager, id: string, withQuestions = false): Promise<ConsultationView> {
    const c = await this.consultations.getById(id, em);
    const invited = (await this.consultations.invitedOf([id], em)).get(id) ?? [];
    const questions = withQuestions ? await this.questions.ordered(id, em) : undefined;
    return consultationView(c, invited, questions);
  }

  private assertDates(opensAt: Date, closesAt: Date): void {
    if (closesAt.getTime() <= opensAt.getTime())
      throw new ConsultationsError(
        ConsultationsErrorCode.InvalidSchedule,
        'closesAt must be after opensAt',
        'closesAt',
      );
  }

  private async assertInvitees(em: EntityManager, ownerId: string, ids: string[]): Promise<void> {
    if (ids.includes(ownerId))
      throw new ConsultationsError(
        ConsultationsErrorCode.UnknownReference,
        'The owning organisation cannot be invited to its own consultation',
        'invitedOrganizationIds',
      );
    if (!ids.length) return;
    const found = await this.organizations.existing(ids, em);
    const unknown = ids.filter((i) => !found.has(i));
    if (unknown.length)
      throw new ConsultationsError(
        ConsultationsErrorCode.UnknownReference,
        `Not organisations: ${unknown.join(', ')}`,
        'invitedOrganizationIds',
      );
  }

  /**
   * Programmes the consultation informs: ones the owning organisation leads or is a partner of, so
   * the check reveals nothing about other partnerships.
   */
  private async assertProgrammes(em: EntityManager, ownerId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.programmes.ofOrganization(em, ownerId, ids);
    const unknown = ids.filter((i) => !found.has(i));
    if (unknown.length)
      throw new ConsultationsError(
        ConsultationsErrorCode.UnknownReference,
        `Not programmes of the owning organisation: ${unknown.join(', ')}`,
        'programmeIds',
      );
  }
}
