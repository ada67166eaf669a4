import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  inSweepBatches,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
  RepeatingJobHandler,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { isClosed, ProgrammesRepository } from '@tandem/programmes';
import { DataSource, EntityManager } from 'typeorm';
import { dueEnd, reminderDedupeKey, ReminderKind } from './task-reminder-schedule';
import { ClaimedReminder, TaskRemindersRepository } from './task-reminders.repository';
import { isOpen } from './task-state-machine';

export const TASK_REMINDER_SWEEP_SCHEDULER_ID = 'task-reminder-sweep';

/** Reminders claimed per transaction: a backlog is many short transactions, not one long one. */
export const REMINDER_SWEEP_BATCH = 500;

const NOTIFICATION_TYPE = { due_soon: 'task.due_soon', overdue: 'task.overdue' } as const;

/**
 * Task due-date reminders: dates on the task row (`due_soon_at`, `overdue_at`, set with every change
 * of due date or state, cleared when the task closes; task-reminder-schedule.ts), one repeating
 * sweep (job scheduler `task-reminder-sweep`, every TASK_REMINDER_SWEEP_MS, one whatever the number
 * of replicas), no job per task. Moving or cancelling a date is a row update; Redis holds nothing
 * to rebuild after a loss.
 *
 * Each sweep claims the due reminders in batches (FOR UPDATE SKIP LOCKED), stamps them sent and
 * writes their notifications to the outbox in the same transaction. A claimed reminder notifies no
 * one when the task is no longer open or its programme is closed, nor (due soon) once the task is
 * already overdue: the overdue reminder says it all. The assignee (the person, else every member of
 * the organisation) hears once per due date: the dedupe key carries it.
 */
@Injectable()
export class TaskReminderSweep extends RepeatingJobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobQueueService,
    private readonly reminders: TaskRemindersRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(jobs, {
      schedulerId: TASK_REMINDER_SWEEP_SCHEDULER_ID,
      job: JobName.TaskReminderSweep,
      everyMs: config.TASK_REMINDER_SWEEP_MS,
    });
  }

  @JobHandler(JobName.TaskReminderSweep)
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const dueSoon = await this.inBatches('due_soon', now);
    const overdue = await this.inBatches('overdue', now);
    if (dueSoon || overdue) this.logger.log({ msg: 'task reminder sweep', dueSoon, overdue });
  }

  /** Claims and announces batches of `kind` until none is left; how many were sent. */
  private inBatches(kind: ReminderKind, now: Date): Promise<number> {
    return inSweepBatches(this.dataSource, REMINDER_SWEEP_BATCH, async (em) => {
      const batch = await this.reminders.claimDue(em, kind, now, REMINDER_SWEEP_BATCH);
      return { claimed: batch.length, sent: await this.announce(em, kind, now, batch) };
    });
  }

  private async announce(
    em: EntityManager,
    kind: ReminderKind,
    now: Date,
    batch: ClaimedReminder[],
  ): Promise<number> {
    if (!batch.length) return 0;
    const programmes = await this.programmes.titlesAndStatuses(
      [...new Set(batch.map((t) => t.programmeId))],
      em,
    );
    let sent = 0;
    for (const task of batch) {
      const programme = programmes.get(task.programmeId);
      const applies =
        task.dueDate &&
        isOpen(task.state) &&
        programme &&
        !isClosed(programme.status) &&
        (kind === 'overdue' || now < dueEnd(task.dueDate));
      if (!applies) continue;
      await this.notifications.notify(em, {
        type: NOTIFICATION_TYPE[kind],
        subject: { type: 'task', id: task.id },
        recipients: task.assigneeUserId
          ? { userIds: [task.assigneeUserId] }
          : { organizationIds: [task.assigneeOrganizationId] },
        params: { taskTitle: task.title, dueDate: task.dueDate, programmeTitle: programme.title },
        dedupeKey: reminderDedupeKey(kind, task.id, task.dueDate),
      });
      sent++;
    }
    return sent;
  }

  /**
   * Legacy jobs, from before the sweep: `task.reminders` events still in an outbox, and the
   * per-task delayed `task.due-soon` / `task.overdue` jobs still in a Redis. Ignored: each completes
   * at once and does nothing; the sweep sends the reminder from the task's row, under the same
   * dedupe key, so none is sent twice. Delayed ones drain as their times come.
   */
  @JobHandler(JobName.TaskReminders)
  async ignoreLegacySchedule(_payload: JobPayload<JobName.TaskReminders>): Promise<void> {}

  @JobHandler(JobName.TaskDueSoon)
  async ignoreLegacyDueSoon(_payload: JobPayload<JobName.TaskDueSoon>): Promise<void> {}

  @JobHandler(JobName.TaskOverdue)
  async ignoreLegacyOverdue(_payload: JobPayload<JobName.TaskOverdue>): Promise<void> {}
}
