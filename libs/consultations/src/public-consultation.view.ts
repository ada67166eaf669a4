import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KindCount,
  LOCALIZED_TEXT_SCHEMA,
  OptionResult,
  ScalePointResult,
} from './consultation-results.view';
import { ConsultationAudience, LocalizedText, QuestionType } from './entities';

/**
 * What /public shows of a consultation whose owner made its outcome public (issue 20). Only these
 * fields: no ids of organisations or people, no respondents, no per-organisation answer. Every
 * breakdown went through the anonymity rules (consultation-anonymity.ts), named consultations too.
 */
export class PublicTextAnswer {
  text!: string;
}

export class PublicQuestionResult {
  /** 1-based; decisions refer to questions by it. */
  position!: number;
  @ApiProperty({ enum: QuestionType })
  type!: QuestionType;
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  prompt!: LocalizedText;
  /** Organisations that answered the question. */
  answered!: number;
  @ApiPropertyOptional({ type: [OptionResult] })
  options?: OptionResult[];
  @ApiPropertyOptional({ type: 'number', nullable: true })
  average?: number | null;
  @ApiPropertyOptional({ type: [ScalePointResult] })
  distribution?: ScalePointResult[];
  /** Free texts, by content only; present when the owner published them and the threshold allows. */
  @ApiPropertyOptional({ type: [PublicTextAnswer] })
  answers?: PublicTextAnswer[];
  /** Free texts exist but fewer organisations wrote one than the threshold (or they are not published). */
  @ApiPropertyOptional()
  textsWithheld?: boolean;
}

export class PublicInvited {
  @ApiProperty({ enum: ConsultationAudience })
  audience!: ConsultationAudience;
  /** Organisations invited by name (0 for an open call to all organisations). */
  total!: number;
  @ApiProperty({ type: [KindCount] })
  byKind!: KindCount[];
}

export class PublicParticipation {
  /** Organisations that took part. */
  responseCount!: number;
  @ApiProperty({ type: [KindCount] })
  byKind!: KindCount[];
}

export class PublicDecision {
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  text!: LocalizedText;
  /** Positions of the questions whose answers led to it. */
  questionPositions!: number[];
}

export class PublicOutcome {
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  summary!: LocalizedText;
  @ApiProperty({ type: [PublicDecision] })
  decisions!: PublicDecision[];
}

export class PublicConsultationSummary {
  id!: string;
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  title!: LocalizedText;
  @ApiProperty(LOCALIZED_TEXT_SCHEMA)
  description!: LocalizedText;
  /** Offered languages; the first is the default. */
  languages!: string[];
  /** The government that ran it, and its jurisdiction. */
  ownerName!: string;
  @ApiProperty({ type: 'string', nullable: true })
  territoryCode!: string | null;
  opensAt!: Date;
  closesAt!: Date;
  outcomePublishedAt!: Date;
  /** When the owner made the outcome public. */
  publicSince!: Date;
  anonymous!: boolean;
}

export class PublicConsultationView extends PublicConsultationSummary {
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  closedAt!: Date | null;
  /** The smallest count a breakdown cell shows. */
  anonymityThreshold!: number;
  invited!: PublicInvited;
  participation!: PublicParticipation;
  @ApiProperty({ type: [PublicQuestionResult] })
  questions!: PublicQuestionResult[];
  /** The owner published free texts (each still needs the threshold). */
  freeTextsPublished!: boolean;
  outcome!: PublicOutcome;
}

export class PublicConsultationPage {
  @ApiProperty({ type: [PublicConsultationSummary] })
  items!: PublicConsultationSummary[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor!: string | null;
}
