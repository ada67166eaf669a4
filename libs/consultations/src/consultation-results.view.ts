import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import type { AnonymousCount } from './consultation-anonymity';
import { ConsultationStatus, LocalizedText, QuestionType } from './entities';

/** A count, or "suppressed" where an anonymous consultation's cell is under its threshold. */
const ANONYMOUS_COUNT_SCHEMA: ApiPropertyOptions = {
  oneOf: [{ type: 'integer' }, { type: 'string', enum: ['suppressed'] }],
};

export const LOCALIZED_TEXT_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Text per language code',
} as const;

export class OptionResult {
  value!: string;
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  label!: LocalizedText;
  @ApiProperty(ANONYMOUS_COUNT_SCHEMA)
  count!: AnonymousCount;
  /** Null where the count is suppressed. */
  percentage!: number | null;
}

export class ScalePointResult {
  value!: number;
  @ApiProperty(ANONYMOUS_COUNT_SCHEMA)
  count!: AnonymousCount;
  /** Null where the count is suppressed. */
  percentage!: number | null;
}

export class TextAnswerResult {
  text!: string;
  /** Absent when the consultation is anonymous. */
  organizationId?: string;
  organizationName?: string;
}

export class QuestionResult {
  questionId!: string;
  position!: number;
  @ApiProperty({ enum: QuestionType })
  type!: QuestionType;
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  prompt!: LocalizedText;
  required!: boolean;
  answered!: number;
  skipped!: number;
  /** Choice questions. */
  options?: OptionResult[];
  /** Scale questions. */
  average?: number | null;
  distribution?: ScalePointResult[];
  /** Free-text answers; with the answering organisation unless the consultation is anonymous. */
  answers?: TextAnswerResult[];
  /** Anonymous: true when free texts exist but fewer organisations wrote one than the threshold. */
  textsWithheld?: boolean;
}

export class KindCount {
  kind!: string;
  @ApiProperty(ANONYMOUS_COUNT_SCHEMA)
  count!: AnonymousCount;
}

export class Respondent {
  organizationId!: string;
  organizationName!: string;
  organizationKind!: string;
}

export class Participation {
  invitedCount!: number;
  /** Null while an anonymous consultation is sealed. */
  respondedInvitedCount!: number | null;
  /** Percentage of invited organisations that answered; null when nobody was invited by name. */
  responseRate!: number | null;
  byKind!: KindCount[];
  /** Who answered; omitted for anonymous consultations. */
  respondents?: Respondent[];
}

export class ConsultationResults {
  consultationId!: string;
  @ApiProperty({ enum: ConsultationStatus })
  status!: ConsultationStatus;
  anonymous!: boolean;
  /** Anonymous only: the smallest count a breakdown cell shows. */
  anonymityThreshold?: number;
  /** Anonymous only: true until closing, when nothing but `responseCount` is shown. */
  sealed?: boolean;
  responseCount!: number;
  participation!: Participation;
  questions!: QuestionResult[];
}
