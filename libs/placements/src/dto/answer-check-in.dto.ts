import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@tandem/core';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class AnswerCheckInDto {
  @ApiProperty()
  @IsBoolean()
  stillEmployed!: boolean;

  @ApiPropertyOptional({ example: '2027-05-31', description: 'Required when stillEmployed is false' })
  @ValidateIf(
    (o: AnswerCheckInDto) => o.stillEmployed === false || (o.leftOn !== undefined && o.leftOn !== null),
  )
  @IsCalendarDate({ message: 'leftOn must be a date YYYY-MM-DD (required when stillEmployed is false)' })
  leftOn?: string | null;

  @ApiPropertyOptional({ example: 'moved to another city' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
