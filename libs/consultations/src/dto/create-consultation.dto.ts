import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Max,
  Min,
  IsUUID,
  Matches,
} from 'class-validator';
import { IsInstant, IsEnumValue } from '@tandem/core';
import { ConsultationAudience, LocalizedText } from '../entities';
import { IsLocalizedText, LANGUAGE_TAG } from '../localized-text';

export const TITLE_LIMIT = 300;
export const LONG_TEXT_LIMIT = 20_000;

export class CreateConsultationDto {
  @ApiProperty({ description: 'The owning government organisation; you must be one of its members' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: { en: 'Public transport at night', ar: 'النقل العام ليلاً' } })
  @IsLocalizedText(TITLE_LIMIT)
  title!: LocalizedText;

  @ApiPropertyOptional({ example: { en: 'Tell us…', ar: 'أخبرونا…' } })
  @IsOptional()
  @IsLocalizedText(LONG_TEXT_LIMIT)
  description?: LocalizedText;

  @ApiProperty({ example: ['en', 'ar'], description: 'Offered languages; the first is the default' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE_TAG, {
    each: true,
    message: 'each of languages must be a language tag such as en or pt-BR',
  })
  languages!: string[];

  @ApiProperty({ example: '2027-03-01T09:00:00Z' })
  @IsInstant({ message: 'opensAt must be an ISO 8601 date-time' })
  opensAt!: string;

  @ApiProperty({ example: '2027-03-31T17:00:00Z' })
  @IsInstant({ message: 'closesAt must be an ISO 8601 date-time' })
  closesAt!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({
    default: 3,
    minimum: 2,
    maximum: 100,
    description: 'Anonymous consultations: breakdown cells under this many organisations are suppressed',
  })
  @IsOptional()
  @IsInt({ message: 'anonymityThreshold must be a whole number' })
  @Min(2, { message: 'anonymityThreshold must be at least 2' })
  @Max(100, { message: 'anonymityThreshold must be at most 100' })
  anonymityThreshold?: number;

  @ApiPropertyOptional({ enum: ConsultationAudience, default: ConsultationAudience.Invited })
  @IsOptional()
  @IsEnumValue(ConsultationAudience, 'audience')
  audience?: ConsultationAudience;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  invitedOrganizationIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Programmes this consultation informs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  programmeIds?: string[];
}
