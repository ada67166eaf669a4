import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ConsultationMeeting } from './entities';

/** A consultation whose opening or closing date has come, locked for the move. */
export interface DueMove {
  id: string;
  /** The date that came (opens_at or closes_at): the move's compare-and-set guard. */
  at: Date;
}

/** A closing or meeting reminder a sweep has just claimed. */
export interface ClaimedReminder {
  /** The consultation (closing reminder) or the meeting (meeting reminder). */
  id: string;
  consultationId: string;
  /** The date it reminds of (closes_at, starts_at), now its "sent for" stamp. */
  at: Date;
}

export type ReminderKind = 'closing' | 'meeting';

/** Each move's pending rows; constants of this file, never input. */
const MOVES = {
  opening: { status: 'scheduled', at: 'opens_at' },
  closing: { status: 'open', at: 'closes_at' },
} as const;

/** Each reminder's rows and stamp; constants of this file, never input. */
const REMINDERS = {
  closing: {
    table: 'consultations',
    status: 'open',
    at: 'closes_at',
    sentFor: 'closing_reminder_for',
    of: 'id',
  },
  meeting: {
    table: 'consultation_meetings',
    status: 'scheduled',
    at: 'starts_at',
    sentFor: 'reminder_for',
    of: 'consultation_id',
  },
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
   * Claims up to `limit` reminders of `kind` that are due (their date ≤ `dueBy`, that is `now` + the
   * lead time) and not sent for their current date, oldest first, and stamps them sent for it:
   * closing reminders of open consultations (`closes_at`, `closing_reminder_for`), reminders of
   * scheduled meetings (`starts_at`, `reminder_for`; meetings already started too, so they leave the
   * pending index: the caller tells no one about those). The caller writes the notifications in the
   * same transaction.
   */
  claimReminders(
    em: EntityManager,
    kind: ReminderKind,
    dueBy: Date,
    limit: number,
  ): Promise<ClaimedReminder[]> {
    const { table, status, at, sentFor, of } = REMINDERS[kind];
    // A final SELECT, not a bare UPDATE … RETURNING, which TypeORM answers as [rows, count].
    return em.query(
      `WITH batch AS (
         SELECT id FROM ${table}
          WHERE status = '${status}' AND ${sentFor} IS DISTINCT FROM ${at} AND ${at} <= $1
          ORDER BY ${at}, id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE ${table} t SET ${sentFor} = t.${at} FROM batch WHERE t.id = batch.id
         RETURNING t.id, t.${of} AS consultation_id, t.${at} AS at
       )
       SELECT id, consultation_id AS "consultationId", at FROM claimed ORDER BY at, id`,
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
