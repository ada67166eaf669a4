import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ReportFormat, ReportKind, ReportStatus } from '../entities';

export class ListReportsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ReportStatus })
  @IsOptional()
  @IsEnum(ReportStatus, { message: `status must be one of: ${Object.values(ReportStatus).join(', ')}` })
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: ReportKind })
  @IsOptional()
  @IsEnum(ReportKind, { message: `kind must be one of: ${Object.values(ReportKind).join(', ')}` })
  kind?: ReportKind;

  @ApiPropertyOptional({ enum: ReportFormat })
  @IsOptional()
  @IsEnum(ReportFormat, { message: `format must be one of: ${Object.values(ReportFormat).join(', ')}` })
  format?: ReportFormat;

  @ApiPropertyOptional({ description: 'Reports made by this schedule' })
  @IsOptional()
  @IsUUID()
  scheduleId?: string;
}
