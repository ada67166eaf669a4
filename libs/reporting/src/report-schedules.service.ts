import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { ActorLoader } from '@tandem/auth';
import {
  DomainError,
  JobName,
  mapPage,
  Page,
  PageQueryDto,
  Actor,
  assertVersion,
  orNotFound,
} from '@tandem/core';
import { EntityManager } from 'typeorm';
import { CreateReportScheduleDto, UpdateReportScheduleDto } from './dto';
import { ReportFormat, ReportKind, ReportSchedule } from './entities';
import { assertFormat, validateParameters } from './report-kinds';
import { ReportSources } from './report-sources.service';
import { ReportSchedulesRepository } from './report-schedules.repository';
import { ReportingError, ReportingErrorCode } from './reporting.errors';
import { ReportScheduleView } from './report-schedule.view';

export const schedulerIdOf = (scheduleId: string): string => `report-schedule.${scheduleId}`;

/** What the schedule makes: also the audit trail's before and after of an edit. */
const snapshot = (s: ReportSchedule) => ({
  name: s.name,
  kind: s.kind,
  format: s.format,
  parameters: s.parameters,
  cadence: s.cadence,
  recipients: s.recipientUserIds,
});

const view = (s: ReportSchedule): ReportScheduleView => ({
  id: s.id,
  ...snapshot(s),
  ownerUserId: s.ownerUserId,
  schedulerId: schedulerIdOf(s.id),
  lastFiredAt: s.lastFiredAt,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  version: s.version,
});

/**
 * Scheduled reports. Only the owner reads and edits a schedule. Every recipient must be allowed to
 * see what the report shows (checked as that user, now and again each time it fires). The job
 * scheduler follows the row through the outbox: each change publishes `report-schedule.sync`,
 * whose handler upserts or removes the scheduler `report-schedule.{id}` from the row as it then is.
 */
@Injectable()
export class ReportSchedulesService {
  constructor(
    private readonly write: DomainWrite,
    private readonly schedules: ReportSchedulesRepository,
    private readonly sources: ReportSources,
    private readonly actors: ActorLoader,
  ) {}

  /** The recipients who may see this report now; the others with why not. */
  async screenRecipients(
    kind: ReportKind,
    parameters: Record<string, unknown>,
    recipients: string[],
  ): Promise<{ allowed: string[]; refused: { index: number; userId: string; why: string }[] }> {
    const allowed: string[] = [];
    const refused: { index: number; userId: string; why: string }[] = [];
    const actors = new Map((await this.actors.loadUsers({ ids: recipients })).map((a) => [a.userId, a]));
    for (const [index, userId] of recipients.entries()) {
      const actor = actors.get(userId);
      if (!actor) {
        refused.push({ index, userId, why: 'is not an active user' });
        continue;
      }
      try {
        await this.sources.check(actor, kind, parameters);
        allowed.push(userId);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        refused.push({ index, userId, why: 'may not see what this report shows' });
      }
    }
    return { allowed, refused };
  }

  private async validate(
    actor: Actor,
    s: { kind: ReportKind; format: ReportFormat; parameters?: unknown; recipients: string[] },
  ): Promise<Record<string, unknown>> {
    assertFormat(s.kind, s.format);
    const parameters = validateParameters(s.kind, s.parameters);
    await this.sources.check(actor, s.kind, parameters);
    const { refused } = await this.screenRecipients(s.kind, parameters, s.recipients);
    if (refused.length)
      throw new ReportingError(
        ReportingErrorCode.RecipientNotAllowed,
        `Recipients not allowed: ${refused.map((r) => `${r.userId} ${r.why}`).join('; ')}`,
        refused.map((r) => ({ field: `recipients.${r.index}`, message: `${r.userId} ${r.why}` })),
      );
    return parameters;
  }

  async create(actor: Actor, dto: CreateReportScheduleDto): Promise<ReportScheduleView> {
    const recipients = dto.recipients ?? [actor.userId];
    const parameters = await this.validate(actor, { ...dto, recipients });
    const id = await this.write.run(async (em) => {
      const saved = await this.schedules.insert(em, {
        ownerUserId: actor.userId,
        name: dto.name ?? `${dto.kind} (${dto.cadence})`,
        kind: dto.kind,
        format: dto.format,
        parameters,
        cadence: dto.cadence,
        recipientUserIds: recipients,
      });
      await this.write.auditCreate(em, 'report_schedule', saved.id, snapshot(saved));
      await this.write.publish(em, JobName.ReportScheduleSync, { scheduleId: saved.id });
      return saved.id;
    });
    return this.get(actor, id);
  }

  private async owned(actor: Actor, id: string, em?: EntityManager, lock = false): Promise<ReportSchedule> {
    return orNotFound(await this.schedules.findOwned(actor.userId, id, em, lock), 'Report schedule');
  }

  async get(actor: Actor, id: string): Promise<ReportScheduleView> {
    return view(await this.owned(actor, id));
  }

  async list(actor: Actor, query: PageQueryDto): Promise<Page<ReportScheduleView>> {
    const page = await this.schedules.listOwned(actor.userId, query);
    return mapPage(page, view);
  }

  async update(
    actor: Actor,
    id: string,
    expectedVersion: number,
    dto: UpdateReportScheduleDto,
  ): Promise<ReportScheduleView> {
    const current = await this.owned(actor, id);
    const next = {
      kind: dto.kind ?? current.kind,
      format: dto.format ?? current.format,
      parameters: dto.parameters ?? (dto.kind && dto.kind !== current.kind ? {} : current.parameters),
      recipients: dto.recipients ?? current.recipientUserIds,
    };
    const parameters = await this.validate(actor, next);
    await this.write.run(async (em) => {
      const s = await this.owned(actor, id, em, true);
      assertVersion(s, expectedVersion, 'schedule');
      const before = snapshot(s);
      s.name = dto.name ?? s.name;
      s.kind = next.kind;
      s.format = next.format;
      s.parameters = parameters;
      s.cadence = dto.cadence ?? s.cadence;
      s.recipientUserIds = next.recipients;
      const saved = await this.schedules.save(em, s);
      await this.write.auditUpdate(em, 'report_schedule', id, before, snapshot(saved));
      await this.write.publish(em, JobName.ReportScheduleSync, { scheduleId: id });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.write.run(async (em) => {
      const s = await this.owned(actor, id, em, true);
      await this.schedules.delete(em, id);
      await this.write.auditDelete(em, 'report_schedule', id, snapshot(s));
      await this.write.publish(em, JobName.ReportScheduleSync, { scheduleId: id });
    });
  }
}
