import { ApiProperty } from '@nestjs/swagger';
import { ConsultationStatus, LocalizedText, QuestionType } from './entities';

const LOCALIZED = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Text per language code',
} as const;

export class OptionResult {
  value!: string;
  @ApiProperty(LOCALIZED)
  label!: LocalizedText;
  count!: number;
  percentage!: number;
}

export class ScalePointResult {
  value!: number;
  count!: number;
  percentage!: number;
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
  @ApiProperty(LOCALIZED)
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
}

export class KindCount {
  kind!: string;
  count!: number;
}

export class Respondent {
  organizationId!: string;
  organizationName!: string;
  organizationKind!: string;
}

export class Participation {
  invitedCount!: number;
  respondedInvitedCount!: number;
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
  responseCount!: number;
  participation!: Participation;
  questions!: QuestionResult[];
}
