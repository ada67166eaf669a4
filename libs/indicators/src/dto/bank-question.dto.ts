import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, OptionalNestedList } from '@tandem/core';
import { INTEGRATION_DIMENSIONS } from '@tandem/programmes';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  ValidateBy,
} from 'class-validator';

/** Only types whose answers add up across consultations: counts of options, or a 1–5 scale. */
export const BANK_QUESTION_TYPES = ['single_choice', 'multiple_choice', 'scale'] as const;

const isMultilingual = (v: unknown, max: number) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as Record<string, unknown>).en === 'string' &&
  Object.entries(v as Record<string, unknown>).every(
    ([k, t]) => /^[a-z]{2}$/.test(k) && typeof t === 'string' && t.trim().length > 0 && t.length <= max,
  );

const IsMultilingual = (max: number) =>
  ValidateBy({
    name: 'isMultilingual',
    validator: {
      validate: (v: unknown) => isMultilingual(v, max),
      defaultMessage: (a) =>
        `${a?.property} must map ISO 639-1 codes to non-empty texts of at most ${max} characters, with English (en)`,
    },
  });

export class BankQuestionOptionDto {
  @ApiProperty({ example: 'very_welcome' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'value must be 1–64 letters, digits, _ or -' })
  value!: string;

  @ApiProperty({ example: { en: 'Very welcome', fr: 'Très bien accueilli' } })
  @IsObject()
  @IsMultilingual(500)
  label!: Record<string, string>;
}

export class CreateBankQuestionDto {
  @ApiProperty({ enum: BANK_QUESTION_TYPES })
  @IsIn(BANK_QUESTION_TYPES, { message: `type must be one of: ${BANK_QUESTION_TYPES.join(', ')}` })
  type!: (typeof BANK_QUESTION_TYPES)[number];

  @ApiProperty({
    example: {
      en: 'How welcome do you feel in this city?',
      fr: 'Vous sentez-vous bien accueilli dans cette ville ?',
    },
  })
  @IsMultilingual(2000)
  prompt!: Record<string, string>;

  @OptionalNestedList(BankQuestionOptionDto, 20, { description: 'For single_choice and multiple_choice' })
  options?: BankQuestionOptionDto[];

  @ApiProperty({ enum: INTEGRATION_DIMENSIONS, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'dimensions must name at least one integration dimension' })
  @ArrayUnique()
  @IsIn(INTEGRATION_DIMENSIONS, {
    each: true,
    message: `each of dimensions must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}`,
  })
  dimensions!: string[];
}

export class ListBankQuestionsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: string;
}

export class AddBankQuestionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'bankQuestionId must be a UUID' })
  bankQuestionId!: string;
}
