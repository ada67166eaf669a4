import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CountryCode, IsCalendarDate, IsEnumValue } from '@tandem/core';
import { GOOD_IDEA_CRITERIA, GoodIdeaStatus, RecognitionKind } from '../entities';
import { trim } from './good-idea-text.dto';

export const GOOD_IDEA_TRANSITION_TARGETS = [
  GoodIdeaStatus.Submitted,
  GoodIdeaStatus.Published,
  GoodIdeaStatus.Returned,
  GoodIdeaStatus.Archived,
  GoodIdeaStatus.Draft,
] as const;

/** `submitted` (authors), `published` or `returned` with a reason (reviewers), `archived`, `draft` (reopen a returned idea). */
export class TransitionGoodIdeaDto {
  @ApiProperty({ enum: GOOD_IDEA_TRANSITION_TARGETS })
  @IsIn(GOOD_IDEA_TRANSITION_TARGETS, {
    message: `to must be one of: ${GOOD_IDEA_TRANSITION_TARGETS.join(', ')}`,
  })
  to!: GoodIdeaStatus;

  @ApiPropertyOptional({ description: 'Required when returning: what the authors should change' })
  @ValidateIf((o: TransitionGoodIdeaDto) => o.to === GoodIdeaStatus.Returned || o.reason !== undefined)
  @Transform(trim)
  @IsString({ message: 'reason is required when returning an idea' })
  @MinLength(3, { message: 'reason is required when returning an idea (at least 3 characters)' })
  @MaxLength(2000)
  reason?: string;
}

export class AssessCriterionDto {
  @ApiProperty({ enum: GOOD_IDEA_CRITERIA })
  @IsIn(GOOD_IDEA_CRITERIA, { message: `criterion must be one of: ${GOOD_IDEA_CRITERIA.join(', ')}` })
  criterion!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt({ message: 'rating must be an integer from 1 to 5' })
  @Min(1, { message: 'rating must be an integer from 1 to 5' })
  @Max(5, { message: 'rating must be an integer from 1 to 5' })
  rating!: number;

  @ApiProperty({ example: 'Touches work, language and housing; six organisations take part.' })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'rationale must be written out (at least 10 characters)' })
  @MaxLength(4000)
  rationale!: string;
}

export class CreateEndorsementDto {
  @ApiProperty({ description: 'The endorsing organisation; you must be one of its org admins' })
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId!: string;

  @ApiProperty({ example: 'We saw it work in our region and recommend it.' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  statement!: string;

  @ApiPropertyOptional({ enum: RecognitionKind, default: RecognitionKind.Endorsement })
  @IsOptional()
  @IsEnumValue(RecognitionKind, 'kind')
  kind?: RecognitionKind;
}

export class CreateAdaptationDto {
  @ApiProperty({ description: 'Your organisation, which will lead the new draft programme' })
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId!: string;

  @ApiProperty({ example: 'Kuopio' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  city!: string;

  @CountryCode({ optional: true, example: 'FI', description: "Defaults to the organisation's country" })
  country?: string;

  @ApiProperty({ example: '2027-09-01' })
  @IsCalendarDate()
  startDate!: string;
}

export class GrantCuratorDto {
  @ApiProperty()
  @IsUUID(undefined, { message: 'organizationId must be a UUID' })
  organizationId!: string;
}
