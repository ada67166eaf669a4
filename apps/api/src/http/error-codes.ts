import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from '@tandem/auth';
import { ConsultationsErrorCode } from '@tandem/consultations';
import { CoreErrorCode, JobsErrorCode } from '@tandem/core';
import { IndicatorsErrorCode } from '@tandem/indicators';
import { NotificationsErrorCode } from '@tandem/notifications';
import { PlacementsErrorCode } from '@tandem/placements';
import { GoodIdeasErrorCode } from '@tandem/good-ideas';
import { ProgrammesErrorCode } from '@tandem/programmes';
import { ReportingErrorCode } from '@tandem/reporting';
import { StakeholdersErrorCode } from '@tandem/stakeholders';
import { TasksErrorCode } from '@tandem/tasks';

export type ErrorCode =
  | CoreErrorCode
  | AuthErrorCode
  | StakeholdersErrorCode
  | ProgrammesErrorCode
  | TasksErrorCode
  | ConsultationsErrorCode
  | PlacementsErrorCode
  | NotificationsErrorCode
  | JobsErrorCode
  | ReportingErrorCode
  | GoodIdeasErrorCode
  | IndicatorsErrorCode;

/** Every domain error code and its HTTP status. Exhaustive: an unmapped code does not compile. */
const STATUS_OF: Record<ErrorCode, HttpStatus> = {
  [CoreErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [CoreErrorCode.MalformedRequest]: HttpStatus.BAD_REQUEST,
  [CoreErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidRefreshToken]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.RefreshTokenReused]: HttpStatus.UNAUTHORIZED,
  [CoreErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [CoreErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [AuthErrorCode.InvitationNotFound]: HttpStatus.NOT_FOUND,
  [CoreErrorCode.Conflict]: HttpStatus.CONFLICT,
  [AuthErrorCode.InvitationAlreadyUsed]: HttpStatus.CONFLICT,
  [AuthErrorCode.AlreadyMember]: HttpStatus.CONFLICT,
  [StakeholdersErrorCode.OrganizationExists]: HttpStatus.CONFLICT,
  [StakeholdersErrorCode.LastOrgAdmin]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.ProgrammeTransitionNotAllowed]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.ProgrammeNotActive]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.AlreadyPartner]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.PartnerNotInvited]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.PartnerNotActive]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.LeadPartnerFixed]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.PeriodLocked]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.PeriodAlreadyLocked]: HttpStatus.CONFLICT,
  [TasksErrorCode.TaskTransitionNotAllowed]: HttpStatus.CONFLICT,
  [TasksErrorCode.TaskBlockedByDependency]: HttpStatus.CONFLICT,
  [TasksErrorCode.DependencyCycle]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.ConsultationTransitionNotAllowed]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.ConsultationFrozen]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.ConsultationNotOpen]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.ResponseExists]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.MeetingNotAvailable]: HttpStatus.CONFLICT,
  [ConsultationsErrorCode.OutcomeNotPublished]: HttpStatus.CONFLICT,
  [PlacementsErrorCode.PlacementAlreadyEnded]: HttpStatus.CONFLICT,
  [PlacementsErrorCode.CheckInNotDue]: HttpStatus.CONFLICT,
  [PlacementsErrorCode.PlacementAlreadyLogged]: HttpStatus.CONFLICT,
  [JobsErrorCode.DeadLetterAlreadyReplayed]: HttpStatus.CONFLICT,
  [ReportingErrorCode.ReportNotReady]: HttpStatus.CONFLICT,
  [GoodIdeasErrorCode.GoodIdeaTransitionNotAllowed]: HttpStatus.CONFLICT,
  [GoodIdeasErrorCode.GoodIdeaNotEditable]: HttpStatus.CONFLICT,
  [GoodIdeasErrorCode.GoodIdeaNotPublished]: HttpStatus.CONFLICT,
  [GoodIdeasErrorCode.GoodIdeaAlreadyEndorsed]: HttpStatus.CONFLICT,
  [IndicatorsErrorCode.TerritoryExists]: HttpStatus.CONFLICT,
  [ProgrammesErrorCode.NotLeadMember]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ProgrammesErrorCode.InvalidDateRange]: HttpStatus.UNPROCESSABLE_ENTITY,
  [TasksErrorCode.AssigneeNotPartner]: HttpStatus.UNPROCESSABLE_ENTITY,
  [TasksErrorCode.AssigneeNotMember]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.TranslationMissing]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.ConsultationIncomplete]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.NotGovernment]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.InvalidSchedule]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.UnknownReference]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ConsultationsErrorCode.RespondingOrganizationRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PlacementsErrorCode.EmployerNotProgrammePartner]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PlacementsErrorCode.ParticipantNotPlaceable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PlacementsErrorCode.OrganizationCannotDoThis]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PlacementsErrorCode.ParticipantErased]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PlacementsErrorCode.InvalidPlacementDate]: HttpStatus.UNPROCESSABLE_ENTITY,
  [NotificationsErrorCode.WebhookDestinationNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ReportingErrorCode.RecipientNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [GoodIdeasErrorCode.GoodIdeaTextIncomplete]: HttpStatus.UNPROCESSABLE_ENTITY,
  [GoodIdeasErrorCode.GoodIdeaAssessmentIncomplete]: HttpStatus.UNPROCESSABLE_ENTITY,
  [GoodIdeasErrorCode.GoodIdeaOwnOrganization]: HttpStatus.UNPROCESSABLE_ENTITY,
  [GoodIdeasErrorCode.GoodIdeaProgrammeNotLed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IndicatorsErrorCode.TerritoryParentUnknown]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IndicatorsErrorCode.ObservationImportInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AuthErrorCode.InvitationExpired]: HttpStatus.GONE,
  [ReportingErrorCode.ReportExpired]: HttpStatus.GONE,
  [PlacementsErrorCode.ImportNotCsv]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [IndicatorsErrorCode.ObservationImportNotCsv]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [PlacementsErrorCode.ImportTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CoreErrorCode.VersionMismatch]: HttpStatus.PRECONDITION_FAILED,
  [CoreErrorCode.PreconditionRequired]: HttpStatus.PRECONDITION_REQUIRED,
  [CoreErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.AccountLocked]: HttpStatus.TOO_MANY_REQUESTS,
  [CoreErrorCode.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The HTTP status of a domain error code. */
export function statusOf(code: ErrorCode): HttpStatus {
  const status = STATUS_OF[code];
  if (status === undefined) throw new Error(`unmapped error code ${String(code)}`);
  return status;
}
