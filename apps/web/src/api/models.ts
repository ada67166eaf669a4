// Shapes of the API's answers. The OpenAPI document types requests but not most response bodies
// (the controllers return service views without response DTOs), so these mirror the views in
// libs/*/src/*.view.ts.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Localized = Record<string, string>;

export interface Me {
  user: { id: string; email: string; name: string; preferredLanguage: string; createdAt: string };
  platformRole: string;
  memberships: { organizationId: string; organizationName: string; organizationKind: string; role: string }[];
}

export interface Organization {
  id: string;
  kind: string;
  name: string;
  country: string;
  city: string;
  contactEmail?: string;
  website: string | null;
  profile: Record<string, unknown> | null;
  createdAt: string;
  version?: number;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: string;
  joinedAt: string;
}

export interface Programme {
  id: string;
  title: string;
  summary: string;
  leadOrganizationId: string;
  status: string;
  startDate: string;
  endDate: string;
  country: string;
  region: string | null;
  city: string | null;
  budget: { amount: string; currency: string } | null;
  targetGroups: string[];
  dimensions: string[];
  sdgTargets: string[];
  gcmObjectives: number[];
  version: number;
}

export interface Partner {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  role: string;
  status: string;
  agreementSignedOn: string | null;
  agreementReference: string | null;
  agreementExpiresOn: string | null;
}

export interface Milestone {
  id: string;
  title: string;
  dueDate: string;
  tasksTotal?: number;
  tasksDone?: number;
  progress?: number;
  overdue?: boolean;
}

export interface Task {
  id: string;
  programmeId: string;
  milestoneId: string | null;
  title: string;
  description: string;
  assigneeOrganizationId: string;
  assigneeUserId: string | null;
  priority: string;
  dueDate: string | null;
  state: string;
  blockedReason: string | null;
  blockedBy: string[];
  overdue: boolean;
  version: number;
}

export interface TaskComment {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface Indicator {
  id: string;
  name: string;
  dimension: string;
  unit: string;
  kind: string;
  baseline: number;
  target: number;
  direction: string;
  version: number;
}

export interface IndicatorValue {
  id: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  migrantValue: number | null;
  hostValue: number | null;
  note: string | null;
}

export interface Dashboard {
  today: string;
  tasksByState: Record<string, number>;
  tasksByPartner: { id: string; name: string; byState: Record<string, number>; total: number }[];
  overdueTasks: {
    id: string;
    title: string;
    dueDate: string;
    assigneeOrganizationId: string;
    state: string;
  }[];
  milestones: Milestone[];
  indicators: {
    id: string;
    name: string;
    unit: string;
    baseline: number;
    target: number;
    latestValue: { periodEnd: string; value: number } | null;
    progress: number | null;
  }[];
  partners: {
    organizationId: string;
    name: string;
    role: string;
    status: string;
    lastActivityAt: string | null;
  }[];
}

export interface Question {
  id: string;
  position: number;
  type: 'text' | 'single_choice' | 'multiple_choice' | 'scale';
  prompt: Localized;
  options: { value: string; label: Localized }[];
  required: boolean;
  maxLength: number | null;
}

export interface Consultation {
  id: string;
  organizationId: string;
  title: Localized;
  description: Localized;
  languages: string[];
  defaultLanguage: string;
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  audience: string;
  invitedOrganizationIds: string[];
  status: string;
  outcome: { summary: Localized; decisions: { text: Localized; questionIds: string[] }[] } | null;
  outcomePublishedAt: string | null;
  questions?: Question[];
  version: number;
}

export interface Meeting {
  id: string;
  title: string;
  type: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  status?: string;
  seatsLeft?: number | null;
  myRsvp?: { status: string; waitlistPosition: number | null } | null;
}

export interface ConsultationResults {
  responseCount: number;
  participation: {
    invitedCount: number;
    respondedInvitedCount: number;
    responseRate: number | null;
    byKind: { kind: string; count: number }[];
  };
  questions: {
    questionId: string;
    type: string;
    prompt: Localized;
    answered: number;
    skipped: number;
    options?: { value: string; label: Localized; count: number; percentage: number }[];
    average?: number | null;
    distribution?: { value: number; count: number; percentage: number }[];
    answers?: { text: string; organizationName?: string }[];
  }[];
}

export interface CheckIn {
  id: string;
  placementId: string;
  months: number;
  dueOn: string;
  status: string;
  stillEmployed: boolean | null;
  leftOn: string | null;
}

export interface Placement {
  id: string;
  participantId: string;
  participantReferenceCode: string | null;
  employerOrganizationId: string;
  programmeId: string | null;
  jobTitle: string;
  occupationCode: string;
  sector: string;
  startDate: string;
  contractType: string;
  hoursPerWeek: number;
  status: string;
  endDate: string | null;
  checkIns?: CheckIn[];
}

export interface Participant {
  id: string;
  referenceCode: string;
}

export interface PlacementImport {
  id: string;
  status: string;
  fileName: string;
  totalRows: number | null;
  processedRows: number;
  createdCount: number;
  errorCount: number;
  errors: { row: number; column: string | null; reason: string }[];
  failureReason: string | null;
}

export interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
  readAt: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before?: unknown; after?: unknown }>;
}

/** A list endpoint answers a keyset page or (a few) a plain array. */
export const itemsOf = <T>(body: Page<T> | T[]): T[] => (Array.isArray(body) ? body : body.items);
