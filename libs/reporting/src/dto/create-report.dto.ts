import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsObject, IsOptional } from 'class-validator';
import { ReportFormat, ReportKind } from '../entities';

export class CreateReportDto {
  @ApiProperty({ enum: ReportKind })
  @IsEnum(ReportKind, { message: `kind must be one of: ${Object.values(ReportKind).join(', ')}` })
  kind!: ReportKind;

  @ApiProperty({ enum: ReportFormat, description: 'See the kind × format matrix in the README' })
  @IsEnum(ReportFormat, { message: `format must be one of: ${Object.values(ReportFormat).join(', ')}` })
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
