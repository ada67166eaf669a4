import { JobName } from '@tandem/core';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ReminderJob = JobName.TaskDueSoon | JobName.TaskOverdue;

export interface PlannedReminder {
  job: ReminderJob;
  jobId: string;
  fireAt: Date;
  delayMs: number;
}

/** A task is due at the end of its due date, in UTC. */
export const dueEnd = (dueDate: string): Date => new Date(Date.parse(`${dueDate}T00:00:00Z`) + DAY_MS);

/**
 * Deterministic ids that carry the due date: a changed date makes new jobs (the old ones find the
 * date moved and do nothing), the same date twice is one job. BullMQ reserves ':' in custom ids
 * except in exactly three parts, which these have.
 */
export const reminderJobId = (job: ReminderJob, taskId: string, dueDate: string): string =>
  `${job === JobName.TaskDueSoon ? 'task-due' : 'task-overdue'}:${taskId}:${dueDate}`;

/**
 * The reminders an open task with a due date should have: "due soon" `leadHours` before it is due
 * (unless it is already overdue, when the overdue one says it all), and "overdue" when it is.
 */
export function planReminders(
  taskId: string,
  dueDate: string,
  now: Date,
  leadHours: number,
): PlannedReminder[] {
  const end = dueEnd(dueDate);
  const plan: PlannedReminder[] = [];
  if (now < end) {
    const fireAt = new Date(end.getTime() - leadHours * HOUR_MS);
    plan.push({
      job: JobName.TaskDueSoon,
      jobId: reminderJobId(JobName.TaskDueSoon, taskId, dueDate),
      fireAt,
      delayMs: Math.max(0, fireAt.getTime() - now.getTime()),
    });
  }
  plan.push({
    job: JobName.TaskOverdue,
    jobId: reminderJobId(JobName.TaskOverdue, taskId, dueDate),
    fireAt: end,
    delayMs: Math.max(0, end.getTime() - now.getTime()),
  });
  return plan;
}

/** Today's date in UTC, YYYY-MM-DD: a task is overdue when its due date is before it. */
export const todayUtc = (now: Date): string => now.toISOString().slice(0, 10);
