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
export function statusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case CoreErrorCode.ValidationFailed:
    case CoreErrorCode.MalformedRequest:
      return HttpStatus.BAD_REQUEST;
    case CoreErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidCredentials:
    case AuthErrorCode.InvalidRefreshToken:
    case AuthErrorCode.RefreshTokenReused:
      return HttpStatus.UNAUTHORIZED;
    case CoreErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case CoreErrorCode.NotFound:
    case AuthErrorCode.InvitationNotFound:
      return HttpStatus.NOT_FOUND;
    case CoreErrorCode.Conflict:
    case AuthErrorCode.InvitationAlreadyUsed:
    case AuthErrorCode.AlreadyMember:
    case StakeholdersErrorCode.OrganizationExists:
    case StakeholdersErrorCode.LastOrgAdmin:
    case ProgrammesErrorCode.ProgrammeTransitionNotAllowed:
    case ProgrammesErrorCode.ProgrammeNotActive:
    case ProgrammesErrorCode.AlreadyPartner:
    case ProgrammesErrorCode.PartnerNotInvited:
    case ProgrammesErrorCode.PartnerNotActive:
    case ProgrammesErrorCode.LeadPartnerFixed:
    case ProgrammesErrorCode.PeriodLocked:
    case ProgrammesErrorCode.PeriodAlreadyLocked:
    case TasksErrorCode.TaskTransitionNotAllowed:
    case TasksErrorCode.TaskBlockedByDependency:
    case TasksErrorCode.DependencyCycle:
    case ConsultationsErrorCode.ConsultationTransitionNotAllowed:
    case ConsultationsErrorCode.ConsultationFrozen:
    case ConsultationsErrorCode.ConsultationNotOpen:
    case ConsultationsErrorCode.ResponseExists:
    case ConsultationsErrorCode.MeetingNotAvailable:
    case ConsultationsErrorCode.OutcomeNotPublished:
    case PlacementsErrorCode.PlacementAlreadyEnded:
    case PlacementsErrorCode.CheckInNotDue:
    case JobsErrorCode.DeadLetterAlreadyReplayed:
    case ReportingErrorCode.ReportNotReady:
    case GoodIdeasErrorCode.GoodIdeaTransitionNotAllowed:
    case GoodIdeasErrorCode.GoodIdeaNotEditable:
    case GoodIdeasErrorCode.GoodIdeaNotPublished:
    case GoodIdeasErrorCode.GoodIdeaAlreadyEndorsed:
    case IndicatorsErrorCode.TerritoryExists:
      return HttpStatus.CONFLICT;
    case ProgrammesErrorCode.NotLeadMember:
    case ProgrammesErrorCode.InvalidDateRange:
    case TasksErrorCode.AssigneeNotPartner:
    case TasksErrorCode.AssigneeNotMember:
    case ConsultationsErrorCode.TranslationMissing:
    case ConsultationsErrorCode.ConsultationIncomplete:
    case ConsultationsErrorCode.NotGovernment:
    case ConsultationsErrorCode.InvalidSchedule:
    case ConsultationsErrorCode.UnknownReference:
    case ConsultationsErrorCode.RespondingOrganizationRequired:
    case PlacementsErrorCode.EmployerNotProgrammePartner:
    case PlacementsErrorCode.ParticipantNotPlaceable:
    case PlacementsErrorCode.OrganizationCannotDoThis:
    case PlacementsErrorCode.ParticipantErased:
    case PlacementsErrorCode.InvalidPlacementDate:
    case NotificationsErrorCode.WebhookDestinationNotAllowed:
    case ReportingErrorCode.RecipientNotAllowed:
    case GoodIdeasErrorCode.GoodIdeaTextIncomplete:
    case GoodIdeasErrorCode.GoodIdeaAssessmentIncomplete:
    case GoodIdeasErrorCode.GoodIdeaOwnOrganization:
    case GoodIdeasErrorCode.GoodIdeaProgrammeNotLed:
    case IndicatorsErrorCode.TerritoryParentUnknown:
    case IndicatorsErrorCode.ObservationImportInvalid:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case AuthErrorCode.InvitationExpired:
    case ReportingErrorCode.ReportExpired:
      return HttpStatus.GONE;
    case PlacementsErrorCode.ImportNotCsv:
    case IndicatorsErrorCode.ObservationImportNotCsv:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case PlacementsErrorCode.ImportTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case CoreErrorCode.VersionMismatch:
      return HttpStatus.PRECONDITION_FAILED;
    case CoreErrorCode.PreconditionRequired:
      return HttpStatus.PRECONDITION_REQUIRED;
    case CoreErrorCode.RateLimited:
    case AuthErrorCode.AccountLocked:
      return HttpStatus.TOO_MANY_REQUESTS;
    case CoreErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}
