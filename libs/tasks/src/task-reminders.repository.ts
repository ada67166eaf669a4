import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TaskState } from './entities';
import { ReminderKind } from './task-reminder-schedule';

/** A task whose reminder a sweep batch has just claimed: what the notification needs. */
export interface ClaimedReminder {
  id: string;
  title: string;
  state: TaskState;
  dueDate: string;
  programmeId: string;
  assigneeOrganizationId: string;
  assigneeUserId: string | null;
}

/** Each kind's columns; constants of this file, never input. */
const COLUMNS: Record<ReminderKind, { at: string; sentAt: string }> = {
  due_soon: { at: 'due_soon_at', sentAt: 'due_soon_sent_at' },
  overdue: { at: 'overdue_at', sentAt: 'overdue_sent_at' },
};

/**
 * The reminder sweep's SQL over `tasks`: the reminder dates are columns of the task row
 * (task-reminder-schedule.ts sets them with every change of due date or state).
 */
@Injectable()
export class TaskRemindersRepository {
  /**
   * Claims up to `limit` reminders of `kind` whose time (≤ `now`) has come and that are not sent
   * yet, oldest first, and stamps them sent at `now`, skipping rows another sweep or an edit holds
   * (FOR UPDATE SKIP LOCKED: two sweeps never claim one twice nor wait on each other; an edit that
   * moves the date waits for this transaction, then re-arms). The caller writes the notifications
   * in the same transaction, so a batch is either stamped and announced or untouched. Served by the
   * partial indexes `idx_tasks_due_soon_pending` and `idx_tasks_overdue_pending`. The version is
   * left alone: this is bookkeeping, not an edit a client's If-Match should trip on.
   */
  async claimDue(
    em: EntityManager,
    kind: ReminderKind,
    now: Date,
    limit: number,
  ): Promise<ClaimedReminder[]> {
    const { at, sentAt } = COLUMNS[kind];
    // Locked first, stamped only when some are due: an UPDATE fires the tables' statement-level
    // change trigger even when it changes no row, and every api replica would drop its cached reads
    // on each idle sweep (migration 1797000000000-ReadChangeNotify).
    const batch = await em.query<{ id: string }[]>(
      `SELECT id FROM tasks
        WHERE ${at} <= $1 AND ${sentAt} IS NULL
        ORDER BY ${at}, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (!batch.length) return [];
    // A final SELECT, not a bare UPDATE … RETURNING, which TypeORM answers as [rows, count].
    return em.query(
      `WITH claimed AS (
         UPDATE tasks t SET ${sentAt} = $1 WHERE t.id = ANY($2::uuid[])
         RETURNING t.id, t.title, t.state, to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
                   t.programme_id AS "programmeId",
                   t.assignee_organization_id AS "assigneeOrganizationId",
                   t.assignee_user_id AS "assigneeUserId", t.${at} AS at
       )
       SELECT id, title, state, "dueDate", "programmeId", "assigneeOrganizationId", "assigneeUserId"
         FROM claimed ORDER BY at, id`,
      [now, batch.map((r) => r.id)],
    );
  }
}
