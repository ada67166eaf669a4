import { Injectable } from '@nestjs/common';
import { DataSourceRepository } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Consultation, ConsultationMeeting, MeetingRsvp, MeetingStatus, RsvpStatus } from './entities';

export interface RsvpRow {
  user_id: string;
  organization_id: string | null;
  status: RsvpStatus;
  attended: boolean | null;
}

/**
 * Queries over meetings and RSVPs (callers have checked access to the consultation). RSVPs of one
 * meeting are serialised by `lock` on the meeting row: the seats counted are the seats given.
 */
@Injectable()
export class MeetingsRepository extends DataSourceRepository {
  findById(id: string): Promise<ConsultationMeeting | null> {
    return this.dataSource.manager.findOneBy(ConsultationMeeting, { id });
  }

  findInConsultation(consultationId: string, meetingId: string): Promise<ConsultationMeeting | null> {
    return this.dataSource.manager.findOneBy(ConsultationMeeting, { id: meetingId, consultationId });
  }

  /** FOR UPDATE on the meeting: every change of its seats goes through here first. */
  lock(em: EntityManager, consultationId: string, meetingId: string): Promise<ConsultationMeeting | null> {
    return em.findOne(ConsultationMeeting, {
      where: { id: meetingId, consultationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async idsOf(consultationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM consultation_meetings WHERE consultation_id = $1 ORDER BY starts_at, id`,
      [consultationId],
    );
    return rows.map((r) => r.id);
  }

  async save(em: EntityManager, m: ConsultationMeeting): Promise<void> {
    await em.save(ConsultationMeeting, m);
  }

  async cancel(em: EntityManager, m: ConsultationMeeting): Promise<void> {
    await em.update(
      ConsultationMeeting,
      { id: m.id },
      { status: MeetingStatus.Cancelled, version: m.version + 1 },
    );
  }

  rsvpOf(em: EntityManager, meetingId: string, userId: string): Promise<MeetingRsvp | null> {
    return em.findOneBy(MeetingRsvp, { meetingId, userId });
  }

  countAttending(em: EntityManager, meetingId: string): Promise<number> {
    return em.countBy(MeetingRsvp, { meetingId, status: RsvpStatus.Attending });
  }

  async insertRsvp(em: EntityManager, row: QueryDeepPartialEntity<MeetingRsvp>): Promise<void> {
    await em.insert(MeetingRsvp, row);
  }

  async updateRsvp(
    em: EntityManager,
    id: string,
    set: Partial<Pick<MeetingRsvp, 'status' | 'queuedAt' | 'organizationId' | 'attended'>>,
  ): Promise<void> {
    await em.update(MeetingRsvp, { id }, set);
  }

  /**
   * Moves the first `seats` of the waiting list (all of it when null), by the time they asked, to
   * attending; returns who moved up. Call under `lock`.
   */
  async promoteWaitlisted(
    em: EntityManager,
    meetingId: string,
    seats: number | null,
  ): Promise<{ id: string; user_id: string }[]> {
    const promoted: { id: string; user_id: string }[] = await em.query(
      `SELECT id, user_id FROM consultation_meeting_rsvps WHERE meeting_id = $1 AND status = 'waitlisted'
        ORDER BY queued_at, id ${seats === null ? '' : 'LIMIT $2'}`,
      seats === null ? [meetingId] : [meetingId, seats],
    );
    if (!promoted.length) return promoted;
    await em.query(
      `UPDATE consultation_meeting_rsvps SET status = 'attending', updated_at = now() WHERE id = ANY($1::uuid[])`,
      [promoted.map((p) => p.id)],
    );
    return promoted;
  }

  async usersWithStatus(em: EntityManager, meetingId: string, statuses: RsvpStatus[]): Promise<string[]> {
    const rows: { user_id: string }[] = await em.query(
      `SELECT user_id FROM consultation_meeting_rsvps WHERE meeting_id = $1 AND status = ANY($2::varchar[])`,
      [meetingId, statuses],
    );
    return rows.map((r) => r.user_id);
  }

  /** Every RSVP of the meeting, in the order they were queued. */
  rsvps(meetingId: string): Promise<RsvpRow[]> {
    return this.dataSource.query(
      `SELECT r.user_id, r.organization_id, r.status, r.attended
         FROM consultation_meeting_rsvps r
        WHERE r.meeting_id = $1 ORDER BY r.queued_at, r.id`,
      [meetingId],
    );
  }

  /**
   * For each user: the organisation they take part for, their RSVP's or else the first of their
   * organisations (not the owner) that may take part; null when none may.
   */
  eligibleAttendees(
    em: EntityManager,
    meetingId: string,
    c: Consultation,
    userIds: string[],
  ): Promise<{ user_id: string; organization_id: string | null }[]> {
    if (!userIds.length) return Promise.resolve([]);
    return em.query(
      `SELECT u.id AS user_id,
                    COALESCE(r.organization_id, (
                      SELECT ms.organization_id FROM memberships ms
                       WHERE ms.user_id = u.id AND ms.organization_id <> $3
                         AND ($4 = 'all_organizations' OR EXISTS (SELECT 1 FROM consultation_invitations ci WHERE ci.consultation_id = $2 AND ci.organization_id = ms.organization_id))
                       ORDER BY ms.organization_id LIMIT 1)) AS organization_id
               FROM users u LEFT JOIN consultation_meeting_rsvps r ON r.user_id = u.id AND r.meeting_id = $1
              WHERE u.id = ANY($5::uuid[])`,
      [meetingId, c.id, c.organizationId, c.audience, userIds],
    );
  }
}
