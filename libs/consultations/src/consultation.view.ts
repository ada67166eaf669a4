import { ApiProperty } from '@nestjs/swagger';
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

const LOCALIZED = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { en: 'Housing', fr: 'Logement' },
  description: 'Text per language code',
} as const;

export class QuestionOptionView implements QuestionOption {
  /** Stable key the answers refer to. */
  value!: string;
  @ApiProperty(LOCALIZED)
  label!: LocalizedText;
}

export class OutcomeDecisionView {
  @ApiProperty(LOCALIZED)
  text!: LocalizedText;
  /** The questions whose answers led to the decision. */
  questionIds!: string[];
}

export class OutcomeView implements ConsultationOutcome {
  @ApiProperty(LOCALIZED)
  summary!: LocalizedText;
  decisions!: OutcomeDecisionView[];
}

export class QuestionView {
  id!: string;
  position!: number;
  type!: QuestionType;
  @ApiProperty(LOCALIZED)
  prompt!: LocalizedText;
  options!: QuestionOptionView[];
  required!: boolean;
  maxLength!: number | null;
  /** The question-bank entry it copies, if any. */
  bankQuestionId!: string | null;
}

export class ConsultationView {
  id!: string;
  organizationId!: string;
  @ApiProperty(LOCALIZED)
  title!: LocalizedText;
  @ApiProperty(LOCALIZED)
  description!: LocalizedText;
  languages!: string[];
  defaultLanguage!: string;
  opensAt!: Date;
  closesAt!: Date;
  anonymous!: boolean;
  /** Anonymous consultations: the smallest count a results cell shows (default 3, never below 2). */
  anonymityThreshold!: number;
  audience!: ConsultationAudience;
  invitedOrganizationIds!: string[];
  programmeIds!: string[];
  status!: ConsultationStatus;
  openedAt!: Date | null;
  closedAt!: Date | null;
  @ApiProperty({ type: () => OutcomeView, nullable: true })
  outcome!: OutcomeView | null;
  outcomePublishedAt!: Date | null;
  /** The published outcome is shown on /public (issue 20). */
  publicOutcome!: boolean;
  /** Its free texts too, where the anonymity threshold allows. */
  publicFreeTexts!: boolean;
  questions?: QuestionView[];
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;
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
    anonymityThreshold: c.anonymityThreshold,
    audience: c.audience,
    invitedOrganizationIds,
    programmeIds: c.programmeIds,
    status: c.status,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    outcomePublishedAt: c.outcomePublishedAt,
    publicOutcome: c.publicOutcome,
    publicFreeTexts: c.publicFreeTexts,
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
