import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';

import {
  Clock,
  CoreError,
  JobName,
  mapPage,
  OutboxService,
  Page,
  paginate,
  TransactionService,
  Actor,
  assertVersion,
} from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationAccessService } from './consultation-access.service';
import { canTransition, isEditable } from './consultation-lifecycle';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { consultationSnapshot, consultationView, ConsultationView } from './consultation.view';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { CreateConsultationDto, ListConsultationsDto, UpdateConsultationDto } from './dto';
import {
  Consultation,
  ConsultationAudience,
  ConsultationInvitation,
  ConsultationQuestion,
  ConsultationStatus as S,
} from './entities';
import { missingLanguages } from './localized-text';

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly access: ConsultationAccessService,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** A member of a government organisation drafts a consultation it owns. */
  async create(actor: Actor, dto: CreateConsultationDto): Promise<ConsultationView> {
    const org = await this.organization(this.dataSource.manager, dto.organizationId);
    const isMember = actor.memberships.some((m) => m.organizationId === dto.organizationId);
    if (!org) throw CoreError.invalid('organizationId', 'is not an organisation');
    if (!isMember) throw CoreError.forbidden('Only members of the organisation draft its consultations');
    if (org.kind !== 'government')
      throw new ConsultationsError(
        ConsultationsErrorCode.NotGovernment,
        'Only government organisations run consultations',
        'organizationId',
      );
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    this.assertDates(opensAt, closesAt);
    const invited = dto.invitedOrganizationIds ?? [];
    const id = await this.tx.run(async (em) => {
      await this.assertInvitees(em, dto.organizationId, invited);
      await this.assertProgrammes(em, dto.organizationId, dto.programmeIds ?? []);
      const c = await em.save(
        Consultation,
        em.create(Consultation, {
          organizationId: dto.organizationId,
          title: dto.title,
          description: dto.description ?? {},
          languages: dto.languages,
          opensAt,
          closesAt,
          anonymous: dto.anonymous ?? false,
          audience: dto.audience ?? ConsultationAudience.Invited,
          programmeIds: dto.programmeIds ?? [],
          createdByUserId: actor.userId,
        }),
      );
      if (invited.length)
        await em.insert(
          ConsultationInvitation,
          invited.map((organizationId) => ({ consultationId: c.id, organizationId })),
        );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'consultation',
        entityId: c.id,
        after: consultationSnapshot(c, invited),
      });
      return c.id;
    });
    return this.load(this.dataSource.manager, id, true);
  }

  async list(actor: Actor, filter: ListConsultationsDto): Promise<Page<ConsultationView>> {
    const qb = this.access.scopeVisible(
      this.dataSource.getRepository(Consultation).createQueryBuilder('c'),
      actor,
      'c',
    );
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.organizationId) qb.andWhere('c.organization_id = :org', { org: filter.organizationId });
    const page = await paginate(qb, {
      keys: ['c.created_at', 'c.id'],
      direction: 'DESC',
      cursorOf: (c) => [c.createdAt.toISOString(), c.id],
      query: filter,
    });
    const invited = await this.invitedOf(
      this.dataSource.manager,
      page.items.map((c) => c.id),
    );
    return mapPage(page, (c) => consultationView(c, invited.get(c.id) ?? []));
  }

  async get(actor: Actor, id: string): Promise<ConsultationView> {
    await this.access.require(actor, id, 'read');
    return this.load(this.dataSource.manager, id, true);
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateConsultationDto,
  ): Promise<ConsultationView> {
    await this.tx.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, id, 'manage', em, 'update');
      assertVersion(c, expectedVersion, 'consultation');
      const onlyClosing = Object.entries(dto).every(([k, v]) => k === 'closesAt' || v === undefined);
      // An open consultation may be extended (or shortened) but nothing else changes once it opens.
      if (!(c.status === S.Open && onlyClosing)) this.assertEditable(c.status);
      const beforeInvited = (await this.invitedOf(em, [id])).get(id) ?? [];
      const before = consultationSnapshot(c, beforeInvited);
      const datesBefore = [c.opensAt.getTime(), c.closesAt.getTime()];
      if (dto.title !== undefined) c.title = dto.title;
      if (dto.description !== undefined) c.description = dto.description;
      if (dto.languages !== undefined) c.languages = dto.languages;
      if (dto.opensAt !== undefined) c.opensAt = new Date(dto.opensAt);
      if (dto.closesAt !== undefined) c.closesAt = new Date(dto.closesAt);
      if (dto.anonymous !== undefined) c.anonymous = dto.anonymous;
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
        await em.delete(ConsultationInvitation, { consultationId: id });
        if (invited.length)
          await em.insert(
            ConsultationInvitation,
            invited.map((organizationId) => ({ consultationId: id, organizationId })),
          );
      }
      c.version += 1;
      await em.save(Consultation, c);
      if (c.status === S.Scheduled || c.status === S.Open) {
        // What was checked when it was scheduled must stay true until it opens.
        await this.assertReady(em, c);
        // New dates, new delayed jobs; the old ones find the dates moved and do nothing.
        if (c.opensAt.getTime() !== datesBefore[0] || c.closesAt.getTime() !== datesBefore[1])
          await this.outbox.publish(em, JobName.ConsultationTimers, { consultationId: id });
      }
      await this.audit.record(em, {
        action: 'update',
        entityType: 'consultation',
        entityId: id,
        before,
        after: consultationSnapshot(c, invited),
      });
    });
    return this.load(this.dataSource.manager, id, true);
  }

  async transition(actor: Actor, id: string, to: S): Promise<ConsultationView> {
    await this.tx.run(async (em) => {
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
    return this.load(this.dataSource.manager, id, true);
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
    const questions = await em.find(ConsultationQuestion, {
      where: { consultationId: c.id },
      order: { position: 'ASC', id: 'ASC' },
    });
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
    return this.load(this.dataSource.manager, id, true);
  }

  async load(em: EntityManager, id: string, withQuestions = false): Promise<ConsultationView> {
    const c = await em.findOneByOrFail(Consultation, { id });
    const invited = (await this.invitedOf(em, [id])).get(id) ?? [];
    const questions = withQuestions
      ? await em.find(ConsultationQuestion, {
          where: { consultationId: id },
          order: { position: 'ASC', id: 'ASC' },
        })
      : undefined;
    return consultationView(c, invited, questions);
  }

  private async invitedOf(em: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows: { consultation_id: string; organization_id: string }[] = await em.query(
      `SELECT consultation_id, organization_id FROM consultation_invitations WHERE consultation_id = ANY($1::uuid[]) ORDER BY created_at, organization_id`,
      [ids],
    );
    for (const r of rows)
      out.set(r.consultation_id, [...(out.get(r.consultation_id) ?? []), r.organization_id]);
    return out;
  }

  private async organization(em: EntityManager, id: string): Promise<{ kind: string } | null> {
    const rows: { kind: string }[] = await em.query(`SELECT kind FROM organizations WHERE id = $1`, [id]);
    return rows[0] ?? null;
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
    const rows: { id: string }[] = await em.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const found = new Set(rows.map((r) => r.id));
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
    const rows: { id: string }[] = await em.query(
      `SELECT p.id FROM programmes p
        WHERE p.id = ANY($1::uuid[])
          AND (p.lead_organization_id = $2
               OR EXISTS (SELECT 1 FROM programme_partners pp WHERE pp.programme_id = p.id AND pp.organization_id = $2 AND pp.status IN ('active', 'invited')))`,
      [ids, ownerId],
    );
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((i) => !found.has(i));
    if (unknown.length)
      throw new ConsultationsError(
        ConsultationsErrorCode.UnknownReference,
        `Not programmes of the owning organisation: ${unknown.join(', ')}`,
        'programmeIds',
      );
  }
}
