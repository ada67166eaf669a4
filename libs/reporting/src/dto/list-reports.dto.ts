import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, IsEnumValue } from '@tandem/core';
import { IsOptional, IsUUID } from 'class-validator';
import { ReportFormat, ReportKind, ReportStatus } from '../entities';

export class ListReportsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ReportStatus })
  @IsOptional()
  @IsEnumValue(ReportStatus, 'status')
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: ReportKind })
  @IsOptional()
  @IsEnumValue(ReportKind, 'kind')
  kind?: ReportKind;

  @ApiPropertyOptional({ enum: ReportFormat })
  @IsOptional()
  @IsEnumValue(ReportFormat, 'format')
  format?: ReportFormat;

  @ApiPropertyOptional({ description: 'Reports made by this schedule' })
  @IsOptional()
  @IsUUID()
  scheduleId?: string;
}
