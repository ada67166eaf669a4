// The API's answers, as the OpenAPI document describes them (schema.d.ts is generated from it by
// `npm run build:web`): every name here is an alias of a generated schema, never a hand-written
// copy, so a change of a view in the api breaks the console's build rather than its screens.
import type { components } from './schema';

type Schemas = components['schemas'];

/** A keyset page of the API: `{items, nextCursor}`. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type Localized = Record<string, string>;

export type Me = Schemas['MeView'];
/** An organisation in a list; `OrganizationDetail` adds its contact address and version. */
export type Organization = Schemas['OrganizationSummary'];
export type OrganizationDetail = Schemas['OrganizationView'];
export type Member = Schemas['MemberView'];
export type Programme = Schemas['ProgrammeView'];
export type Partner = Schemas['PartnerView'];
export type Manager = Schemas['ManagerView'];
export type Milestone = Schemas['MilestoneView'];
export type Task = Schemas['TaskView'];
export type TaskComment = Schemas['TaskCommentView'];
export type HistoryEntry = Schemas['TaskHistoryEntry'];
export type Indicator = Schemas['IndicatorView'];
export type IndicatorValue = Schemas['IndicatorValueView'];
export type Dashboard = Schemas['ProgrammeDashboard'];
export type Question = Schemas['QuestionView'];
export type Consultation = Schemas['ConsultationView'];
export type Meeting = Schemas['MeetingView'];
export type ConsultationResults = Schemas['ConsultationResults'];
export type CheckIn = Schemas['CheckInView'];
export type CheckInListItem = Schemas['CheckInListItem'];
export type Placement = Schemas['PlacementView'];
export type Participant = Schemas['ParticipantView'];
export type PlacementImport = Schemas['PlacementImportView'];
export type Notification = Schemas['NotificationDto'];
export type AuditEvent = Schemas['AuditEventView'];
export type PlacementStats = Schemas['PlacementStats'];
export type Report = Schemas['ReportView'];
export type ReportSchedule = Schemas['ReportScheduleView'];
export type DeadLetter = Schemas['DeadLetterDto'];
export type Webhook = Schemas['WebhookDto'];

/** A list endpoint answers a keyset page or (a few) a plain array. */
export const itemsOf = <T>(body: Page<T> | T[]): T[] => (Array.isArray(body) ? body : body.items);

export type TokenPair = Schemas['TokenPairDto'];
export type UnreadCount = Schemas['UnreadCountView'];
export type ConsultationResponse = Schemas['ResponseView'];
export type AnswerValue = Schemas['AnswerView']['value'];

// Measuring (territories, framework indicators, profiles, comparisons, coherence).
export type Territory = Schemas['TerritoryView'];
export type FrameworkIndicator = Schemas['FrameworkIndicatorView'];
export type TrendPoint = Schemas['TrendPointView'];
export type TerritoryProfile = Schemas['TerritoryProfileView'];
export type TerritoryComparison = Schemas['ComparisonView'];
export type TerritoryCoherence = Schemas['CoherenceView'];

// Good ideas, as their signed-in readers see them.
export type GoodIdeaSummary = Schemas['GoodIdeaSummaryResponse'];
export type GoodIdea = Schemas['GoodIdeaResponse'];
