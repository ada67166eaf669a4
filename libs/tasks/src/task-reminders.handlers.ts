import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  JOB_QUEUE,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
  NotificationRequest,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { isClosed, ProgrammesRepository } from '@tandem/programmes';
import { DataSource } from 'typeorm';
import { TaskState } from './entities';
import { dueEnd, planReminders, ReminderJob, reminderJobId } from './task-reminder-schedule';
import { isOpen } from './task-state-machine';
import { TasksRepository } from './tasks.repository';

interface ReminderSubject {
  id: string;
  title: string;
  state: TaskState;
  dueDate: string | null;
  assigneeOrganizationId: string;
  assigneeUserId: string | null;
  programmeTitle: string;
  programmeClosed: boolean;
}

/**
 * Task due-date reminders. Every change that matters (creation, a new due date, a state change)
 * publishes TaskReminders through the outbox; `schedule` turns it into delayed jobs whose ids carry
 * the due date, so rescheduling the same date adds nothing and a new date adds new jobs. The firing
 * handlers re-read the task and do nothing once it is finished, cancelled or due on another date;
 * the notification's dedupe key is the job id, so two worker replicas or a retry send it once.
 */
@Injectable()
export class TaskReminderHandlers {
  private readonly logger = new Logger(TaskReminderHandlers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.TaskReminders)
  async schedule({ taskId, previousDueDate }: JobPayload<JobName.TaskReminders>): Promise<void> {
    const before = await this.load(taskId);
    const stale = new Set<string>();
    if (previousDueDate && previousDueDate !== before?.dueDate) stale.add(previousDueDate);
    if (before?.dueDate && !this.wantsReminders(before)) stale.add(before.dueDate);
    for (const dueDate of stale) await this.dropDelayed(taskId, dueDate);
    // Read again after dropping: a change committed meanwhile (a reopen, the old date restored)
    // is seen here and its reminders come back, whichever handler runs last.
    const task = stale.size ? await this.load(taskId) : before;
    if (!task?.dueDate || !this.wantsReminders(task)) return;
    for (const r of planReminders(
      task.id,
      task.dueDate,
      this.clock.now(),
      this.config.TASK_DUE_REMINDER_HOURS,
    ))
      await this.jobs.enqueue(r.job, { taskId: task.id, dueDate: task.dueDate }, r.jobId, r.delayMs);
  }

  @JobHandler(JobName.TaskDueSoon)
  async dueSoon({ taskId, dueDate }: JobPayload<JobName.TaskDueSoon>): Promise<void> {
    const task = await this.current(taskId, dueDate);
    // Past the end of the due date the overdue reminder says it all.
    if (!task || this.clock.now() >= dueEnd(dueDate)) return;
    await this.remind(task, 'task.due_soon', reminderJobId(JobName.TaskDueSoon, taskId, dueDate));
  }

  @JobHandler(JobName.TaskOverdue)
  async overdue({ taskId, dueDate }: JobPayload<JobName.TaskOverdue>): Promise<void> {
    const task = await this.current(taskId, dueDate);
    if (!task) return;
    await this.remind(task, 'task.overdue', reminderJobId(JobName.TaskOverdue, taskId, dueDate));
  }

  /** The task, if it still wants the reminder for `dueDate`. */
  private async current(taskId: string, dueDate: string): Promise<ReminderSubject | null> {
    const task = await this.load(taskId);
    if (!task || task.dueDate !== dueDate || !this.wantsReminders(task)) {
      this.logger.log({ msg: 'task reminder no longer applies', taskId, dueDate });
      return null;
    }
    return task;
  }

  private wantsReminders(task: ReminderSubject): boolean {
    return isOpen(task.state) && !task.programmeClosed;
  }

  private async remind(task: ReminderSubject, type: string, dedupeKey: string): Promise<void> {
    const request: NotificationRequest = {
      type,
      subject: { type: 'task', id: task.id },
      recipients: task.assigneeUserId
        ? { userIds: [task.assigneeUserId] }
        : { organizationIds: [task.assigneeOrganizationId] },
      params: { taskTitle: task.title, dueDate: task.dueDate, programmeTitle: task.programmeTitle },
      dedupeKey,
    };
    await this.dataSource.transaction((em) => this.notifications.notify(em, request));
  }

  /** Removes a reminder still waiting for a date the task no longer has; one already run stays. */
  private async dropDelayed(taskId: string, dueDate: string): Promise<void> {
    for (const job of [JobName.TaskDueSoon, JobName.TaskOverdue] as ReminderJob[]) {
      const found = await this.jobs.queue(JOB_QUEUE[job]).getJob(reminderJobId(job, taskId, dueDate));
      if (!found) continue;
      const state = await found.getState();
      // A job running right now is locked and cannot be removed; its handler re-reads the task.
      if (state === 'delayed' || state === 'waiting') await found.remove().catch(() => undefined);
    }
  }

  private async load(taskId: string): Promise<ReminderSubject | null> {
    const em = this.dataSource.manager;
    const task = await this.tasks.findById(em, taskId);
    const programme = task && (await this.programmes.findById(em, task.programmeId));
    if (!task || !programme) return null;
    return {
      id: task.id,
      title: task.title,
      state: task.state,
      dueDate: task.dueDate,
      assigneeOrganizationId: task.assigneeOrganizationId,
      assigneeUserId: task.assigneeUserId,
      programmeTitle: programme.title,
      programmeClosed: isClosed(programme.status),
    };
  }
}
