/**
 * Every queue, every job and every job's payload, in one place.
 *
 * WARNING: queue and job names are stored in Redis and in outbox rows. Renaming a value strands
 * the jobs and events already written under the old name: add a new name and migrate instead.
 */
export enum QueueName {
  Email = 'email',
  Notifications = 'notifications',
  Reminders = 'reminders',
  Imports = 'imports',
  Webhooks = 'webhooks',
  Reports = 'reports',
  /** Bulk e-mail (large fan-outs, digests, summaries): its own workers, so a backlog never delays an invitation. */
  BulkEmail = 'email-bulk',
}

export enum JobName {
  /** An organisation admin invited someone: send them the invitation e-mail. */
  InvitationEmail = 'invitation.email',
  /** Something happened: make one in-app notification per recipient (recipients resolved in SQL). */
  NotificationFanOut = 'notification.fan-out',
  /** Legacy (before the agreement reminder sweep): events still in an outbox are ignored. */
  AgreementReminders = 'partner.agreement-reminders',
  /** Legacy delayed job (one per agreement before the sweep): ignored, the sweep sends the reminder. */
  AgreementExpiring = 'partner.agreement-expiring',
  /** Job scheduler `agreement-reminder-sweep` (AGREEMENT_REMINDER_SWEEP_MS): remind the managers of agreements expiring in AGREEMENT_REMINDER_DAYS. */
  AgreementReminderSweep = 'partner.agreement-reminder-sweep',
  /** Legacy (before the task reminder sweep): events still in an outbox are ignored. */
  TaskReminders = 'task.reminders',
  /** Legacy delayed job (one per task before the sweep): ignored, the sweep sends the reminder. */
  TaskDueSoon = 'task.due-soon',
  /** Legacy delayed job (one per task before the sweep): ignored, the sweep sends the reminder. */
  TaskOverdue = 'task.overdue',
  /** Job scheduler `task-reminder-sweep` (TASK_REMINDER_SWEEP_MS): send the task reminders whose time has come. */
  TaskReminderSweep = 'task.reminder-sweep',
  /** Legacy (before the consultation timer sweep): events still in an outbox are ignored. */
  ConsultationTimers = 'consultation.timers',
  /** Legacy delayed job (one per consultation before the sweep): ignored, the sweep opens it. */
  ConsultationOpen = 'consultation.open',
  /** Legacy delayed job (one per consultation before the sweep): ignored, the sweep closes it. */
  ConsultationClose = 'consultation.close',
  /** Legacy delayed job (one per consultation before the sweep): ignored, the sweep sends the reminder. */
  ConsultationClosingReminder = 'consultation.closing-reminder',
  /** Legacy (before the consultation timer sweep): events still in an outbox are ignored. */
  ConsultationMeetingTimers = 'consultation.meeting-timers',
  /** Legacy delayed job (one per meeting before the sweep): ignored, the sweep sends the reminder. */
  ConsultationMeetingReminder = 'consultation.meeting-reminder',
  /**
   * Job scheduler `consultation-timer-sweep` (CONSULTATION_SWEEP_MS): open and close the consultations
   * whose dates have come, send the closing and meeting reminders whose time has come.
   */
  ConsultationTimerSweep = 'consultation.timer-sweep',
  /** A placement was logged or ended: (re)schedule its 3/6/12-month check-ins, drop cancelled ones' jobs. */
  PlacementCheckIns = 'placement.check-ins',
  /** Delayed (id `checkin:{placementId}:{months}`): open the check-in and tell the employer. */
  CheckInDue = 'placement.check-in-due',
  /** Delayed CHECK_IN_REMINDER_SECONDS after opening: remind the employer once if still unanswered. */
  CheckInReminder = 'placement.check-in-reminder',
  /** A placements CSV was uploaded: parse, validate and create its rows. */
  PlacementImport = 'placement.import',
  /** An import created placements: schedule all their check-ins (one event per import, not per row). */
  ImportCheckIns = 'placement.import-check-ins',
  /** E-mails of one notification event, ≤500 deliveries per job (id `notification-email.{fanOutJobId}.{batch}`). */
  NotificationEmailBatch = 'notification.email-batch',
  /** Scheduled (NOTIFICATION_DIGEST_TICK_MS): find users whose local time is 08:xx and who wait for a digest. */
  DigestTick = 'notification.digest-tick',
  /** ≤500 users' digest e-mails (id `digest.{tick}.{firstUserId}`). */
  DigestBatch = 'notification.digest-batch',
  /** POST one event to one organisation's webhook endpoint, signed; retried with backoff. */
  WebhookDeliver = 'webhook.deliver',
  /** A report was requested (or a schedule fired): build its file. Claims the report compare-and-set. */
  ReportBuild = 'report.build',
  /** Job scheduler `report-expire`: delete expired report files and mark the reports expired. */
  ReportExpire = 'report.expire',
  /** A report schedule was created, edited or deleted: upsert or remove its job scheduler. */
  ReportScheduleSync = 'report-schedule.sync',
  /** Job scheduler `report-schedule.{id}`: make this period's report (once) and build it. */
  ReportScheduleFire = 'report-schedule.fire',
  /** Like NotificationEmailBatch, for a fan-out above BULK_EMAIL_THRESHOLD recipients: on the bulk queue. */
  NotificationBulkEmailBatch = 'notification.bulk-email-batch',
  /** Job scheduler `check-in-sweep` (CHECK_IN_SWEEP_MS): open due check-ins, remind unanswered ones, one summary per organisation and day. */
  CheckInSweep = 'placement.check-in-sweep',
}

export interface JobPayloads {
  [JobName.InvitationEmail]: { invitationId: string };
  [JobName.NotificationFanOut]: NotificationRequest;
  [JobName.AgreementReminders]: { partnerId: string };
  [JobName.AgreementExpiring]: { partnerId: string; expiresOn: string };
  [JobName.TaskReminders]: { taskId: string; previousDueDate?: string | null };
  [JobName.TaskDueSoon]: { taskId: string; dueDate: string };
  [JobName.TaskOverdue]: { taskId: string; dueDate: string };
  [JobName.ConsultationTimers]: { consultationId: string };
  [JobName.ConsultationOpen]: { consultationId: string; opensAt: string };
  [JobName.ConsultationClose]: { consultationId: string; closesAt: string };
  [JobName.ConsultationClosingReminder]: { consultationId: string; closesAt: string };
  [JobName.ConsultationMeetingTimers]: { meetingId: string };
  [JobName.ConsultationMeetingReminder]: { meetingId: string; startsAt: string };
  [JobName.PlacementCheckIns]: { placementId: string };
  [JobName.CheckInDue]: { placementId: string; months: number };
  [JobName.CheckInReminder]: { placementId: string; months: number };
  [JobName.PlacementImport]: { importId: string };
  [JobName.ImportCheckIns]: { importId: string };
  /** `fanOutId`: the fan-out job that created the deliveries; `batch`: which 500 of them (ordered by id). */
  [JobName.NotificationEmailBatch]: { fanOutId: string; batch: number };
  [JobName.DigestTick]: Record<string, never>;
  /** `hour`: the UTC hour of the tick (`2026-11-23T07`); the users whose local time was 08:xx then. */
  [JobName.DigestBatch]: { hour: string; userIds: string[] };
  [JobName.WebhookDeliver]: { deliveryId: string };
  [JobName.ReportBuild]: { reportId: string };
  [JobName.ReportExpire]: Record<string, never>;
  [JobName.ReportScheduleSync]: { scheduleId: string };
  [JobName.ReportScheduleFire]: { scheduleId: string };
  [JobName.NotificationBulkEmailBatch]: { fanOutId: string; batch: number };
  [JobName.CheckInSweep]: Record<string, never>;
  [JobName.TaskReminderSweep]: Record<string, never>;
  [JobName.ConsultationTimerSweep]: Record<string, never>;
  [JobName.AgreementReminderSweep]: Record<string, never>;
}

/** Who should hear about something; the union of all given sets, minus `exceptUserId`. */
export interface RecipientSpec {
  userIds?: string[];
  /** Every member of these organisations. */
  organizationIds?: string[];
  /** The org admins of these organisations. */
  organizationAdminsOf?: string[];
  /** The programme's managers: org admins of its lead organisation and named managers. */
  programmeManagersOf?: string;
  /** Every member of every organisation (consultations open to all organisations). */
  allOrganizationMembers?: boolean;
  /** Narrows the recipients by their preferred language, so one event can go out once per language. */
  languages?: { in?: string[]; notIn?: string[] };
  exceptUserId?: string | null;
}

export interface NotificationRequest {
  /** e.g. `task.assigned`; selects the text template. */
  type: string;
  subject: { type: string; id: string };
  recipients: RecipientSpec;
  /** Short values for the template (titles, names, dates), not records. */
  params: Record<string, string | number | null>;
  /** Overrides the de-duplication key (default: the outbox event id), e.g. for reminders. */
  dedupeKey?: string;
  /** Bulk (summaries, mass mailings): its e-mails go on the bulk queue whatever the number of recipients. */
  bulk?: boolean;
}

/** Which queue carries each job. A job missing here fails to compile. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.InvitationEmail]: QueueName.Email,
  [JobName.NotificationFanOut]: QueueName.Notifications,
  [JobName.AgreementReminders]: QueueName.Reminders,
  [JobName.AgreementExpiring]: QueueName.Reminders,
  [JobName.TaskReminders]: QueueName.Reminders,
  [JobName.TaskDueSoon]: QueueName.Reminders,
  [JobName.TaskOverdue]: QueueName.Reminders,
  [JobName.ConsultationTimers]: QueueName.Reminders,
  [JobName.ConsultationOpen]: QueueName.Reminders,
  [JobName.ConsultationClose]: QueueName.Reminders,
  [JobName.ConsultationClosingReminder]: QueueName.Reminders,
  [JobName.ConsultationMeetingTimers]: QueueName.Reminders,
  [JobName.ConsultationMeetingReminder]: QueueName.Reminders,
  [JobName.PlacementCheckIns]: QueueName.Reminders,
  [JobName.CheckInDue]: QueueName.Reminders,
  [JobName.CheckInReminder]: QueueName.Reminders,
  [JobName.PlacementImport]: QueueName.Imports,
  [JobName.ImportCheckIns]: QueueName.Imports,
  [JobName.NotificationEmailBatch]: QueueName.Email,
  [JobName.DigestTick]: QueueName.Notifications,
  [JobName.DigestBatch]: QueueName.BulkEmail,
  [JobName.WebhookDeliver]: QueueName.Webhooks,
  [JobName.ReportBuild]: QueueName.Reports,
  [JobName.ReportExpire]: QueueName.Reports,
  [JobName.ReportScheduleSync]: QueueName.Reports,
  [JobName.ReportScheduleFire]: QueueName.Reports,
  [JobName.NotificationBulkEmailBatch]: QueueName.BulkEmail,
  [JobName.CheckInSweep]: QueueName.Reminders,
  [JobName.TaskReminderSweep]: QueueName.Reminders,
  [JobName.ConsultationTimerSweep]: QueueName.Reminders,
  [JobName.AgreementReminderSweep]: QueueName.Reminders,
};

export type JobPayload<J extends JobName> = JobPayloads[J];

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}

/** Redis hash where workers count job outcomes, so every replica's add up in the api's /metrics. */
export const JOB_OUTCOME_KEY = (queue: QueueName | string): string => `tandem:metrics:jobs:${queue}`;
