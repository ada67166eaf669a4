import { NotificationRequest as NotificationJob } from '@tandem/core';

/** A partner's role, as programmes stores it (the texts name it in the reader's language). */
export type PartnerRoleCode = 'lead' | 'funder' | 'implementer' | 'service_provider' | 'advisor' | 'observer';
/** A task's state, as tasks stores it. */
export type TaskStateCode = 'todo' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
/** Who ended a partnership: the organisation itself (leave) or the programme's managers (remove). */
export type PartnerEndedBy = 'organisation' | 'managers';

/**
 * Every notification Tandem sends and the params its texts are rendered from, like the job registry:
 * a type missing from the English texts fails to compile, and so does a call site passing a param
 * the type does not take. Params are codes and values (titles, names, dates), never sentences: the
 * texts in notification-texts.ts turn them into words per language. They are also the `data` of
 * the webhook event, so renaming one is a change of the webhook contract.
 */
export interface NotificationParams {
  'programme.partner_invited': { organizationName: string; programmeTitle: string; role: PartnerRoleCode };
  'programme.partner_accepted': { organizationName: string; programmeTitle: string; role: PartnerRoleCode };
  'programme.partner_declined': { organizationName: string; programmeTitle: string; role: PartnerRoleCode };
  'programme.partner_left': { organizationName: string; programmeTitle: string; endedBy: PartnerEndedBy };
  'programme.agreement_expiring': {
    organizationName: string;
    programmeTitle: string;
    expiresOn: string;
    reference: string | null;
  };
  'task.assigned': {
    taskTitle: string;
    programmeTitle: string;
    organizationName: string;
    dueDate: string | null;
  };
  'task.state_changed': {
    taskTitle: string;
    programmeTitle: string;
    from: TaskStateCode;
    to: TaskStateCode;
    reason: string | null;
    actorName: string;
  };
  'task.mentioned': {
    authorName: string;
    taskTitle: string;
    programmeTitle: string;
    excerpt: string;
    commentId: string;
  };
  'task.due_soon': TaskReminderParams;
  'task.overdue': TaskReminderParams;
  'consultation.opened': { consultationTitle: string; closesAt: string };
  'consultation.closing_soon': { consultationTitle: string; closesAt: string };
  'consultation.closed': { consultationTitle: string; responseCount: number };
  'consultation.cancelled': { consultationTitle: string };
  'consultation.outcome_published': { consultationTitle: string; summary: string };
  'consultation.meeting_seat_available': MeetingParams;
  'consultation.meeting_reminder': MeetingParams;
  'consultation.meeting_changed': MeetingParams;
  'consultation.meeting_cancelled': MeetingParams;
  'placement.check_in_due': CheckInParams;
  'placement.check_in_reminder': CheckInParams;
  'report.ready': { reportKind: string; format: string };
  /** `reason`: the build's failure reason, as the report itself records it. */
  'report.failed': { reportKind: string; format: string; reason: string };
  'report.scheduled_ready': { reportKind: string; format: string; scheduleName: string };
  'webhook.disabled': { url: string; failures: number; organizationId: string };
  'good_idea.submitted': { ideaTitle: string; organizationName: string };
  'good_idea.returned': { ideaTitle: string; reason: string };
  'good_idea.published': { ideaTitle: string; slug: string };
  'good_idea.endorsed': { ideaTitle: string; organizationName: string; statement: string };
  'good_idea.adapted': { ideaTitle: string; organizationName: string; city: string; startDate: string };
}

// Types, not interfaces: the job payload's params are a Record, which an interface is not.
export type TaskReminderParams = { taskTitle: string; dueDate: string; programmeTitle: string };

export type MeetingParams = {
  meetingTitle: string;
  consultationTitle: string;
  startsAt: string;
  location: string | null;
  onlineUrl: string | null;
};

/** One employer's check-ins opened (or still unanswered) by the daily sweep. */
export type CheckInParams = {
  count: number;
  organizationName: string;
  dueOn: string;
};

export type NotificationType = keyof NotificationParams;

/** What a domain service asks for: the type decides the params' shape. */
export type TypedNotificationRequest<T extends NotificationType> = Omit<
  NotificationJob,
  'type' | 'params'
> & {
  type: T;
  params: NotificationParams[T];
};
