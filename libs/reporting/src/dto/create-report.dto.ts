import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { ReportFormat, ReportKind } from '../entities';
import { IsEnumValue } from '@tandem/core';

export class CreateReportDto {
  @ApiProperty({ enum: ReportKind })
  @IsEnumValue(ReportKind, 'kind')
  kind!: ReportKind;

  @ApiProperty({ enum: ReportFormat, description: 'See the kind × format matrix in the README' })
  @IsEnumValue(ReportFormat, 'format')
  format!: ReportFormat;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'programme_progress: {programmeId}; placements: {programmeId?, employerOrganizationId?}; consultation: {consultationId}; partnership_matrix, coverage: {}; iati_activities: {programmeIds?}; territory_comparison: {framework, indicator, territories (2+, list or comma-separated), from?, to?}; coherence: {territoryCode}; good_ideas: {}',
  })
  @IsOptional()
  @IsObject({ message: 'parameters must be an object' })
  parameters?: Record<string, unknown>;
}
