import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsUUID } from 'class-validator';
import { AnswerValue } from '../entities';
import { NestedList } from '@tandem/core';

export class AnswerDto {
  @ApiProperty()
  @IsUUID()
  questionId!: string;

  @ApiProperty({
    description: 'text: a string; single_choice: an option value; multiple_choice: option values; scale: 1–5',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'integer' }],
  })
  // Checked against the question in the service: its type decides what is valid.
  @IsDefined()
  value!: AnswerValue;
}

export class SubmitResponseDto {
  @ApiPropertyOptional({
    description: 'The organisation you answer for; needed only if you belong to several that may answer',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @NestedList(AnswerDto, 500)
  answers!: AnswerDto[];
}
