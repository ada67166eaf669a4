import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { ReportCadence, ReportFormat, ReportKind } from '../entities';
import { IsEnumValue } from '@tandem/core';

export class CreateReportScheduleDto {
  @ApiPropertyOptional({
    description: 'Shown in the notification; default "<kind> (<cadence>)"',
    maxLength: 120,
  })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiProperty({ enum: ReportKind })
  @IsEnumValue(ReportKind, 'kind')
  kind!: ReportKind;

  @ApiProperty({ enum: ReportFormat })
  @IsEnumValue(ReportFormat, 'format')
  format!: ReportFormat;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'As for POST /reports' })
  @IsOptional()
  @IsObject({ message: 'parameters must be an object' })
  parameters?: Record<string, unknown>;

  @ApiProperty({ enum: ReportCadence, description: 'weekly: Mondays 06:00 UTC; monthly: the 1st, 06:00 UTC' })
  @IsEnumValue(ReportCadence, 'cadence')
  cadence!: ReportCadence;

  @ApiPropertyOptional({
    type: [String],
    description: 'User ids who receive each report; each must be allowed to see it. Default: the owner.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'recipients must be user ids' })
  recipients?: string[];
}

export class UpdateReportScheduleDto extends PartialType(CreateReportScheduleDto) {}
