import { AuditEvent, ProgrammeActivity } from '@tandem/audit';
import { Invitation, RefreshToken, Session, SignInThrottle, User } from '@tandem/auth';
import {
  Consultation,
  ConsultationInvitation,
  ConsultationMeeting,
  ConsultationQuestion,
  ConsultationResponse,
  MeetingRsvp,
} from '@tandem/consultations';
import { DeadLetter, IdempotencyKey, OutboxEvent } from '@tandem/core';
import {
  EmailDelivery,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
} from '@tandem/notifications';
import {
  Indicator,
  IndicatorValue,
  Milestone,
  Programme,
  ProgrammeManager,
  ProgrammePartner,
  ReportingPeriodLock,
} from '@tandem/programmes';
import {
  BankQuestion,
  FrameworkIndicator,
  IndicatorFramework,
  Territory,
  TerritoryObservation,
} from '@tandem/indicators';
import { Participant, Placement, PlacementImport, RetentionCheck } from '@tandem/placements';
import { Report, ReportSchedule } from '@tandem/reporting';
import {
  GoodIdea,
  GoodIdeaAdaptation,
  GoodIdeaAssessment,
  GoodIdeaCurator,
  GoodIdeaEndorsement,
} from '@tandem/good-ideas';
import { Task, TaskComment, TaskDependency } from '@tandem/tasks';
import {
  CivilSocietyProfile,
  EmployerProfile,
  GovernmentProfile,
  MigrantAssociationProfile,
  Organization,
  Membership,
} from '@tandem/stakeholders';

/** Every entity of every domain: the one list the app, the worker and the migration CLI share. */
export const ENTITIES = [
  OutboxEvent,
  AuditEvent,
  ProgrammeActivity,
  User,
  Session,
  RefreshToken,
  Membership,
  Invitation,
  SignInThrottle,
  Organization,
  GovernmentProfile,
  EmployerProfile,
  CivilSocietyProfile,
  MigrantAssociationProfile,
  EmailDelivery,
  Notification,
  NotificationDelivery,
  NotificationPreference,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  DeadLetter,
  IdempotencyKey,
  Programme,
  ProgrammePartner,
  ProgrammeManager,
  Milestone,
  Indicator,
  IndicatorValue,
  ReportingPeriodLock,
  Task,
  TaskDependency,
  TaskComment,
  Consultation,
  ConsultationInvitation,
  ConsultationQuestion,
  ConsultationResponse,
  ConsultationMeeting,
  MeetingRsvp,
  Participant,
  Placement,
  RetentionCheck,
  PlacementImport,
  ReportSchedule,
  Report,
  GoodIdea,
  GoodIdeaAssessment,
  GoodIdeaEndorsement,
  GoodIdeaAdaptation,
  GoodIdeaCurator,
  IndicatorFramework,
  FrameworkIndicator,
  Territory,
  TerritoryObservation,
  BankQuestion,
];
