import { Injectable } from '@nestjs/common';
import { DomainWrite } from '@tandem/audit';
import { UsersRepository } from '@tandem/auth';
import { Clock, CoreError, validationFailed, Actor, assertVersion, orNotFound } from '@tandem/core';
import { MeetingParams, NotificationsService } from '@tandem/notifications';
import ical, { ICalEventStatus } from 'ical-generator';
import { EntityManager } from 'typeorm';
import { ConsultationAccess, ConsultationAccessService } from './consultation-access.service';
import { ConsultationsError, ConsultationsErrorCode } from './consultations.errors';
import { CreateMeetingDto, RecordAttendanceDto, RsvpDto, UpdateMeetingDto } from './dto';
import {
  Consultation,
  ConsultationMeeting,
  ConsultationStatus,
  MeetingRsvp,
  MeetingStatus,
  MeetingType,
  RsvpStatus,
} from './entities';
import { inDefaultLanguage } from './localized-text';
import { meetingSettings, MeetingView } from './meeting.view';
import { MeetingsRepository, RsvpRow } from './meetings.repository';

/**
 * Meetings of a consultation. RSVPs for one meeting are serialised by locking the meeting row, so
 * the seats counted are the seats given: never more attendees than capacity, and when a seat frees
 * the first on the waiting list (by the time they asked) moves up and is told.
 */
const CLOSED = new Set<ConsultationStatus>([ConsultationStatus.Closed, ConsultationStatus.OutcomePublished]);

@Injectable()
export class MeetingsService {
  constructor(
    private readonly write: DomainWrite,
    private readonly meetings: MeetingsRepository,
    private readonly access: ConsultationAccessService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly users: UsersRepository,
  ) {}

  async create(actor: Actor, consultationId: string, dto: CreateMeetingDto): Promise<MeetingView> {
    const id = await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, consultationId, 'manage', em, 'share');
      this.assertConsultationLive(c);
      const m = Object.assign(new ConsultationMeeting(), {
        consultationId,
        title: dto.title,
        type: dto.type,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        location: dto.location ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        capacity: dto.capacity ?? null,
      });
      this.assertShape(m);
      await this.meetings.save(em, m);
      await this.write.auditCreate(em, 'consultation_meeting', m.id, meetingSettings(m));
      return m.id;
    });
    return this.view(actor, consultationId, id, true);
  }

  async list(actor: Actor, consultationId: string): Promise<MeetingView[]> {
    const a = await this.access.require(actor, consultationId, 'read');
    const ids = await this.meetings.idsOf(consultationId);
    return Promise.all(ids.map((id) => this.view(actor, consultationId, id, a.isOwner)));
  }

  async get(actor: Actor, consultationId: string, meetingId: string): Promise<MeetingView> {
    const a = await this.access.require(actor, consultationId, 'read');
    return this.view(actor, consultationId, meetingId, a.isOwner);
  }

  async update(
    actor: Actor,
    consultationId: string,
    meetingId: string,
    expectedVersion: number,
    dto: UpdateMeetingDto,
  ): Promise<MeetingView> {
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, consultationId, 'manage', em, 'share');
      const m = await this.lockMeeting(em, consultationId, meetingId);
      assertVersion(m, expectedVersion, 'meeting');
      this.assertMeetingLive(c, m);
      const before = meetingSettings(m);
      const startsBefore = m.startsAt.getTime();
      if (dto.title !== undefined) m.title = dto.title;
      if (dto.type !== undefined) m.type = dto.type;
      if (dto.startsAt !== undefined) m.startsAt = new Date(dto.startsAt);
      if (dto.endsAt !== undefined) m.endsAt = new Date(dto.endsAt);
      if (dto.location !== undefined) m.location = dto.location;
      if (dto.onlineUrl !== undefined) m.onlineUrl = dto.onlineUrl;
      if (dto.capacity !== undefined) m.capacity = dto.capacity;
      this.assertShape(m);
      m.version += 1;
      await this.meetings.save(em, m);
      const moved = m.startsAt.getTime() !== startsBefore;
      if (moved) {
        // The reminder follows by itself: the timer sweep reads the new time from the row.
        await this.tell(em, c, m, 'consultation.meeting_changed', [
          RsvpStatus.Attending,
          RsvpStatus.Waitlisted,
        ]);
      }
      // More seats (or none limited): the waiting list moves up.
      await this.promote(em, c, m);
      await this.write.auditUpdate(em, 'consultation_meeting', meetingId, before, meetingSettings(m));
    });
    return this.view(actor, consultationId, meetingId, true);
  }

  async cancel(actor: Actor, consultationId: string, meetingId: string): Promise<MeetingView> {
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, consultationId, 'manage', em, 'share');
      const m = await this.lockMeeting(em, consultationId, meetingId);
      if (m.status === MeetingStatus.Cancelled) return;
      await this.meetings.cancel(em, m);
      await this.tell(em, c, m, 'consultation.meeting_cancelled', [
        RsvpStatus.Attending,
        RsvpStatus.Waitlisted,
      ]);
      await this.write.auditUpdate(
        em,
        'consultation_meeting',
        meetingId,
        { status: m.status },
        { status: MeetingStatus.Cancelled },
      );
    });
    return this.view(actor, consultationId, meetingId, true);
  }

  async rsvp(actor: Actor, consultationId: string, meetingId: string, dto: RsvpDto): Promise<MeetingView> {
    await this.write.run(async (em) => {
      const a = await this.access.require(actor, consultationId, 'respond', em, 'share');
      const organizationId = this.organizationFor(a, dto.organizationId);
      const m = await this.lockMeeting(em, consultationId, meetingId);
      this.assertMeetingLive(a.consultation, m);
      // Sign-up ends with the consultation (saying one will not come stays possible).
      if (dto.attending && CLOSED.has(a.consultation.status))
        throw new ConsultationsError(
          ConsultationsErrorCode.MeetingNotAvailable,
          'The consultation is closed: sign-up for its meetings has ended',
        );
      const existing = await this.meetings.rsvpOf(em, meetingId, actor.userId);
      const now = this.clock.now();
      if (dto.attending) {
        if (existing && existing.status !== RsvpStatus.Declined) return;
        const attending = await this.meetings.countAttending(em, meetingId);
        const status =
          m.capacity === null || attending < m.capacity ? RsvpStatus.Attending : RsvpStatus.Waitlisted;
        await this.save(em, existing, {
          meetingId,
          userId: actor.userId,
          organizationId,
          status,
          queuedAt: now,
        });
      } else {
        const wasAttending = existing?.status === RsvpStatus.Attending;
        await this.save(em, existing, {
          meetingId,
          userId: actor.userId,
          organizationId,
          status: RsvpStatus.Declined,
          queuedAt: existing?.queuedAt ?? now,
        });
        if (wasAttending) await this.promote(em, a.consultation, m);
      }
    });
    return this.view(actor, consultationId, meetingId, false);
  }

  /** The officer records who came; walk-ins from organisations that may take part are added. */
  async recordAttendance(
    actor: Actor,
    consultationId: string,
    meetingId: string,
    dto: RecordAttendanceDto,
  ): Promise<MeetingView> {
    await this.write.run(async (em) => {
      const { consultation: c } = await this.access.require(actor, consultationId, 'manage', em, 'share');
      const m = await this.lockMeeting(em, consultationId, meetingId);
      if (m.status === MeetingStatus.Cancelled)
        throw new ConsultationsError(ConsultationsErrorCode.MeetingNotAvailable, 'The meeting was cancelled');
      const ids = dto.attendees.map((x) => x.userId);
      const eligible = await this.meetings.eligibleAttendees(em, meetingId, c, ids);
      const byId = new Map(eligible.map((e) => [e.user_id, e]));
      const errors = dto.attendees.flatMap((x, i) =>
        byId.get(x.userId)?.organization_id
          ? []
          : [{ field: `attendees[${i}].userId`, message: 'is not a member of an organisation taking part' }],
      );
      if (errors.length) throw validationFailed(errors);
      const now = this.clock.now();
      for (const x of dto.attendees) {
        const existing = await this.meetings.rsvpOf(em, meetingId, x.userId);
        if (existing) await this.meetings.updateRsvp(em, existing.id, { attended: x.attended });
        else
          await this.meetings.insertRsvp(em, {
            meetingId,
            userId: x.userId,
            organizationId: byId.get(x.userId)!.organization_id,
            status: RsvpStatus.Attending,
            queuedAt: now,
            attended: x.attended,
          });
      }
      await this.write.audit(em, {
        action: 'update',
        entityType: 'consultation_meeting',
        entityId: meetingId,
        after: { attendance: dto.attendees },
      });
    });
    return this.view(actor, consultationId, meetingId, true);
  }

  async calendar(
    actor: Actor,
    consultationId: string,
    meetingId: string,
  ): Promise<{ filename: string; body: string }> {
    const { consultation: c } = await this.access.require(actor, consultationId, 'read');
    const m = orNotFound(await this.meetings.findInConsultation(consultationId, meetingId), 'Meeting');
    const title = inDefaultLanguage(c.title, c.languages);
    const cal = ical({
      name: title,
      prodId: { company: 'Tandem', product: 'Consultations', language: 'EN' },
    });
    cal.createEvent({
      id: `${m.id}@tandem`,
      sequence: m.version,
      stamp: m.updatedAt,
      start: m.startsAt,
      end: m.endsAt,
      summary: m.title,
      description: [`Consultation: ${title}`, m.onlineUrl ? `Join online: ${m.onlineUrl}` : '']
        .filter(Boolean)
        .join('\n'),
      location: m.location ?? (m.type === MeetingType.Online ? m.onlineUrl : null),
      url: m.onlineUrl,
      status: m.status === MeetingStatus.Cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    return { filename: `meeting-${m.id}.ics`, body: cal.toString() };
  }

  /** Seats free: the first on the waiting list move up, each told. */
  private async promote(em: EntityManager, c: Consultation, m: ConsultationMeeting): Promise<void> {
    if (m.status === MeetingStatus.Cancelled) return;
    const attending = await this.meetings.countAttending(em, m.id);
    const free = m.capacity === null ? null : Math.max(0, m.capacity - attending);
    if (free === 0) return;
    const promoted = await this.meetings.promoteWaitlisted(em, m.id, free);
    if (!promoted.length) return;
    await this.notifications.notify(em, {
      type: 'consultation.meeting_seat_available',
      subject: { type: 'consultation_meeting', id: m.id },
      recipients: { userIds: promoted.map((p) => p.user_id) },
      params: this.params(c, m),
    });
  }

  private async tell(
    em: EntityManager,
    c: Consultation,
    m: ConsultationMeeting,
    type: 'consultation.meeting_changed' | 'consultation.meeting_cancelled',
    statuses: RsvpStatus[],
  ): Promise<void> {
    const userIds = await this.meetings.usersWithStatus(em, m.id, statuses);
    if (!userIds.length) return;
    await this.notifications.notify(em, {
      type,
      subject: { type: 'consultation_meeting', id: m.id },
      recipients: { userIds },
      params: this.params(c, m),
    });
  }

  params(c: Consultation, m: ConsultationMeeting): MeetingParams {
    return {
      meetingTitle: m.title,
      consultationTitle: inDefaultLanguage(c.title, c.languages),
      startsAt: m.startsAt.toISOString(),
      location: m.location,
      onlineUrl: m.onlineUrl,
    };
  }

  private async save(
    em: EntityManager,
    existing: MeetingRsvp | null,
    row: Pick<MeetingRsvp, 'meetingId' | 'userId' | 'organizationId' | 'status' | 'queuedAt'>,
  ): Promise<void> {
    if (existing)
      await this.meetings.updateRsvp(em, existing.id, {
        status: row.status,
        queuedAt: row.queuedAt,
        organizationId: row.organizationId,
      });
    else await this.meetings.insertRsvp(em, row);
  }

  private organizationFor(a: ConsultationAccess, requested?: string): string {
    if (requested) {
      if (!a.respondingOrgIds.includes(requested))
        throw CoreError.forbidden('You may come only for an organisation of yours that is invited');
      return requested;
    }
    return a.respondingOrgIds[0];
  }

  private async lockMeeting(
    em: EntityManager,
    consultationId: string,
    meetingId: string,
  ): Promise<ConsultationMeeting> {
    return orNotFound(await this.meetings.lock(em, consultationId, meetingId), 'Meeting');
  }

  private assertConsultationLive(c: Consultation): void {
    if (c.status === ConsultationStatus.Cancelled)
      throw new ConsultationsError(
        ConsultationsErrorCode.MeetingNotAvailable,
        'The consultation was cancelled',
      );
  }

  private assertMeetingLive(c: Consultation, m: ConsultationMeeting): void {
    this.assertConsultationLive(c);
    if (m.status === MeetingStatus.Cancelled)
      throw new ConsultationsError(ConsultationsErrorCode.MeetingNotAvailable, 'The meeting was cancelled');
    if (m.endsAt.getTime() <= this.clock.now().getTime())
      throw new ConsultationsError(ConsultationsErrorCode.MeetingNotAvailable, 'The meeting is over');
  }

  private assertShape(m: ConsultationMeeting): void {
    const errors: { field: string; message: string }[] = [];
    if (m.type !== MeetingType.Online && !m.location)
      errors.push({ field: 'location', message: `an ${m.type} meeting needs a location` });
    if (m.type !== MeetingType.InPerson && !m.onlineUrl)
      errors.push({ field: 'onlineUrl', message: `an ${m.type} meeting needs an onlineUrl` });
    if (errors.length) throw validationFailed(errors);
    if (m.endsAt.getTime() <= m.startsAt.getTime())
      throw new ConsultationsError(
        ConsultationsErrorCode.InvalidSchedule,
        'endsAt must be after startsAt',
        'endsAt',
      );
  }

  private async view(
    actor: Actor,
    consultationId: string,
    meetingId: string,
    withRsvps: boolean,
  ): Promise<MeetingView> {
    const m = orNotFound(await this.meetings.findInConsultation(consultationId, meetingId), 'Meeting');
    const rsvps = await this.meetings.rsvps(meetingId);
    const attendingCount = rsvps.filter((r) => r.status === RsvpStatus.Attending).length;
    const queue = rsvps.filter((r) => r.status === RsvpStatus.Waitlisted);
    const mine = rsvps.find((r) => r.user_id === actor.userId);
    return {
      id: m.id,
      ...meetingSettings(m),
      attendingCount,
      waitlistCount: queue.length,
      seatsLeft: m.capacity === null ? null : Math.max(0, m.capacity - attendingCount),
      myRsvp: mine
        ? {
            status: mine.status,
            waitlistPosition:
              mine.status === RsvpStatus.Waitlisted
                ? queue.findIndex((r) => r.user_id === actor.userId) + 1
                : null,
            attended: mine.attended,
          }
        : null,
      ...(withRsvps
        ? {
            rsvps: await this.withNames(rsvps),
          }
        : {}),
      version: m.version,
    };
  }

  /** The owners' list of who answered, with each person's name. */
  private async withNames(rsvps: RsvpRow[]): Promise<NonNullable<MeetingView['rsvps']>> {
    const names = new Map((await this.users.people(rsvps.map((r) => r.user_id))).map((u) => [u.id, u.name]));
    // A user that no longer exists drops out, as the join with users did.
    return rsvps
      .filter((r) => names.has(r.user_id))
      .map((r) => ({
        userId: r.user_id,
        name: names.get(r.user_id)!,
        organizationId: r.organization_id,
        status: r.status,
        attended: r.attended,
      }));
  }
}
