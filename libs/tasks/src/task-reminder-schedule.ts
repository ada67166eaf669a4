const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ReminderKind = 'due_soon' | 'overdue';

/** When a task's reminders are due: stored on the task row, found by the sweep. */
export interface ReminderDates {
  dueSoonAt: Date | null;
  overdueAt: Date | null;
}

/** A task is due at the end of its due date, in UTC. */
export const dueEnd = (dueDate: string): Date => new Date(Date.parse(`${dueDate}T00:00:00Z`) + DAY_MS);

/**
 * The reminders an open task with a due date should have: "due soon" `leadHours` before it is due
 * (unless it is already overdue, when the overdue one says it all), and "overdue" when it is. A
 * time already past means "at the next sweep". A closed task, or one without a due date, has none.
 */
export function reminderDates(
  dueDate: string | null,
  open: boolean,
  now: Date,
  leadHours: number,
): ReminderDates {
  if (!dueDate || !open) return { dueSoonAt: null, overdueAt: null };
  const end = dueEnd(dueDate);
  return {
    dueSoonAt: now < end ? new Date(end.getTime() - leadHours * HOUR_MS) : null,
    overdueAt: end,
  };
}

/**
 * The notification's dedupe key: the task and its due date, so a reminder goes out once per date
 * (a moved date reminds again, the same date never twice). The same strings as the delayed jobs'
 * ids before the sweep, so a reminder one of them sent is not sent again.
 */
export const reminderDedupeKey = (kind: ReminderKind, taskId: string, dueDate: string): string =>
  `${kind === 'due_soon' ? 'task-due' : 'task-overdue'}:${taskId}:${dueDate}`;

/** Today's date in UTC, YYYY-MM-DD: a task is overdue when its due date is before it. */
export const todayUtc = (now: Date): string => now.toISOString().slice(0, 10);
