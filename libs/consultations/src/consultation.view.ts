import {
  Consultation,
  ConsultationAudience,
  ConsultationOutcome,
  ConsultationQuestion,
  ConsultationStatus,
  LocalizedText,
  QuestionOption,
  QuestionType,
} from './entities';

export interface QuestionView {
  id: string;
  position: number;
  type: QuestionType;
  prompt: LocalizedText;
  options: QuestionOption[];
  required: boolean;
  maxLength: number | null;
  /** The question-bank entry it copies, if any. */
  bankQuestionId: string | null;
}

export interface ConsultationView {
  id: string;
  organizationId: string;
  title: LocalizedText;
  description: LocalizedText;
  languages: string[];
  defaultLanguage: string;
  opensAt: Date;
  closesAt: Date;
  anonymous: boolean;
  audience: ConsultationAudience;
  invitedOrganizationIds: string[];
  programmeIds: string[];
  status: ConsultationStatus;
  openedAt: Date | null;
  closedAt: Date | null;
  outcome: ConsultationOutcome | null;
  outcomePublishedAt: Date | null;
  questions?: QuestionView[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function questionView(q: ConsultationQuestion): QuestionView {
  return {
    id: q.id,
    position: q.position,
    type: q.type,
    prompt: q.prompt,
    options: q.options,
    required: q.required,
    maxLength: q.maxLength,
    bankQuestionId: q.bankQuestionId,
  };
}

export function consultationView(
  c: Consultation,
  invitedOrganizationIds: string[],
  questions?: ConsultationQuestion[],
): ConsultationView {
  return {
    id: c.id,
    organizationId: c.organizationId,
    title: c.title,
    description: c.description,
    languages: c.languages,
    defaultLanguage: c.languages[0],
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    anonymous: c.anonymous,
    audience: c.audience,
    invitedOrganizationIds,
    programmeIds: c.programmeIds,
    status: c.status,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    outcomePublishedAt: c.outcomePublishedAt,
    ...(questions ? { questions: questions.map(questionView) } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

/** The audited fields of a consultation. */
export function consultationSnapshot(
  c: Consultation,
  invitedOrganizationIds: string[],
): Record<string, unknown> {
  return {
    organizationId: c.organizationId,
    title: c.title,
    description: c.description,
    languages: c.languages,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    anonymous: c.anonymous,
    audience: c.audience,
    invitedOrganizationIds,
    programmeIds: c.programmeIds,
    status: c.status,
  };
}
