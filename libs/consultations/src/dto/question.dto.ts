import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LocalizedText, QuestionType, TEXT_ANSWER_LIMIT } from '../entities';
import { IsLocalizedText } from '../localized-text';
import { OptionalNestedList, IsEnumValue } from '@tandem/core';

export class QuestionOptionDto {
  @ApiProperty({ example: 'buses', description: 'Stable key the answers refer to' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'value must be 1–64 letters, digits, _ or -' })
  value!: string;

  @ApiProperty({ example: { en: 'Buses', ar: 'الحافلات' } })
  @IsLocalizedText(500)
  label!: LocalizedText;
}

export class CreateQuestionDto {
  @ApiProperty({ enum: QuestionType })
  @IsEnumValue(QuestionType, 'type')
  type!: QuestionType;

  @ApiProperty({ example: { en: 'Which service matters most?', ar: 'ما الخدمة الأهم؟' } })
  @IsLocalizedText(2000)
  prompt!: LocalizedText;

  @OptionalNestedList(QuestionOptionDto, 50, { description: 'For single_choice and multiple_choice' })
  options?: QuestionOptionDto[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ description: 'For text questions', maximum: TEXT_ANSWER_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TEXT_ANSWER_LIMIT)
  maxLength?: number;

  @ApiPropertyOptional({ description: '1-based place in the order; default last' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}

export class UpdateQuestionDto extends PartialType(CreateQuestionDto) {}
