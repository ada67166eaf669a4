import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ConsultationMeeting } from './entities';

/** A consultation whose opening or closing date has come, locked for the move. */
export interface DueMove {
  id: string;
  /** The date that came (opens_at or closes_at): the move's compare-and-set guard. */
  at: Date;
}

/** A consultation whose closing reminder a sweep has just claimed. */
export interface ClaimedClosingReminder {
  id: string;
  closesAt: Date;
}

/** A meeting whose attendees' reminder a sweep has just claimed. */
export interface ClaimedMeetingReminder {
  id: string;
  consultationId: string;
  startsAt: Date;
}

/** Each move's pending rows; constants of this file, never input. */
const MOVES = {
  opening: { status: 'scheduled', at: 'opens_at' },
  closing: { status: 'open', at: 'closes_at' },
} as const;

/**
 * The consultation timer sweep's SQL over `consultations` and `consultation_meetings`: the dates are
 * the rows' own (`opens_at`, `closes_at`, `starts_at`); a reminder's "sent for" stamp
 * (`closing_reminder_for`, `reminder_for`) holds the date it went out for, so a moved date is pending
 * again by itself. Every claim takes rows with FOR UPDATE SKIP LOCKED: two sweeps never take one
 * twice nor wait on each other, and an officer's edit (which locks the row) makes the sweep pass it
 * by until the next run. Served by the partial indexes of migration 1797500000000 (TimerSweeps). The
 * version is left alone: this is bookkeeping, not an edit a client's If-Match should trip on.
 */
@Injectable()
export class ConsultationTimersRepository {
  /**
   * Locks up to `limit` consultations whose opening (scheduled, `opens_at` ≤ `now`) or closing (open,
   * `closes_at` ≤ `now`) date has come, oldest first. The caller moves them (compare-and-set) in the
   * same transaction.
   */
  lockDue(em: EntityManager, move: keyof typeof MOVES, now: Date, limit: number): Promise<DueMove[]> {
    const { status, at } = MOVES[move];
    return em.query(
      `SELECT id, ${at} AS at FROM consultations
        WHERE status = '${status}' AND ${at} <= $1
        ORDER BY ${at}, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /**
   * Claims up to `limit` open consultations whose closing reminder is due (`closes_at` ≤ `dueBy`, that
   * is `now` + the lead time) and not sent for this closing date, and stamps them sent for it. The
   * caller writes the notifications in the same transaction.
   */
  claimClosingReminders(em: EntityManager, dueBy: Date, limit: number): Promise<ClaimedClosingReminder[]> {
    // A final SELECT, not a bare UPDATE … RETURNING, which TypeORM answers as [rows, count].
    return em.query(
      `WITH batch AS (
         SELECT id FROM consultations
          WHERE status = 'open' AND closing_reminder_for IS DISTINCT FROM closes_at AND closes_at <= $1
          ORDER BY closes_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE consultations c SET closing_reminder_for = c.closes_at FROM batch WHERE c.id = batch.id
         RETURNING c.id, c.closes_at
       )
       SELECT id, closes_at AS "closesAt" FROM claimed ORDER BY closes_at, id`,
      [dueBy, limit],
    );
  }

  /**
   * Claims up to `limit` scheduled meetings whose reminder is due (`starts_at` ≤ `dueBy`, that is
   * `now` + the lead time) and not sent for this start time, and stamps them sent for it (meetings
   * already started too, so they leave the pending index; the caller tells no one about those).
   */
  claimMeetingReminders(em: EntityManager, dueBy: Date, limit: number): Promise<ClaimedMeetingReminder[]> {
    return em.query(
      `WITH batch AS (
         SELECT id FROM consultation_meetings
          WHERE status = 'scheduled' AND reminder_for IS DISTINCT FROM starts_at AND starts_at <= $1
          ORDER BY starts_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE consultation_meetings m SET reminder_for = m.starts_at FROM batch WHERE m.id = batch.id
         RETURNING m.id, m.consultation_id, m.starts_at
       )
       SELECT id, consultation_id AS "consultationId", starts_at AS "startsAt"
         FROM claimed ORDER BY starts_at, id`,
      [dueBy, limit],
    );
  }

  /** The claimed meetings themselves (titles, places: the reminder's params), by id. */
  async meetings(em: EntityManager, ids: string[]): Promise<Map<string, ConsultationMeeting>> {
    if (!ids.length) return new Map();
    const rows = await em.findBy(ConsultationMeeting, { id: In(ids) });
    return new Map(rows.map((m) => [m.id, m]));
  }
}
