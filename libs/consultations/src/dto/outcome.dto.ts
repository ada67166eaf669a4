import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsOptional, IsUUID, ValidateBy } from 'class-validator';
import { LocalizedText } from '../entities';
import { isLocalizedText } from '../localized-text';
import { NestedList } from '@tandem/core';

/** A plain string (taken as the default language) or texts by language. */
const IsTextOrLocalized = (max: number) =>
  ValidateBy({
    name: 'isTextOrLocalized',
    validator: {
      validate: (v: unknown) =>
        (typeof v === 'string' && v.trim().length > 0 && v.length <= max) || isLocalizedText(v, max),
      defaultMessage: (a) =>
        `${a?.property ?? 'value'} must be a non-empty text or texts by language ({"en": "…"}), at most ${max} characters`,
    },
  });

/** OpenAPI: a plain text (the default language) or texts by language. */
const TEXT_OR_LOCALIZED = [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }];

export class OutcomeDecisionDto {
  @ApiProperty({
    oneOf: TEXT_OR_LOCALIZED,
    example: { en: 'Night buses on line 7 from September', ar: 'حافلات ليلية على الخط 7 من سبتمبر' },
  })
  @IsTextOrLocalized(5000)
  text!: string | LocalizedText;

  @ApiPropertyOptional({ type: [String], description: 'The questions whose answers led to it' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  questionIds?: string[];
}

export class PublishOutcomeDto {
  @ApiProperty({
    oneOf: TEXT_OR_LOCALIZED,
    example: 'You said night transport is the main gap; we are adding night buses.',
  })
  @IsTextOrLocalized(20_000)
  summary!: string | LocalizedText;

  @NestedList(OutcomeDecisionDto, 100)
  decisions!: OutcomeDecisionDto[];
}
