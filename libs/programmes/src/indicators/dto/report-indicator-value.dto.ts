import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OptionalText } from '@tandem/core';
import { IsIndicatorNumber } from './indicator-fields';
import { ReportingPeriodDto } from './lock-period.dto';

/**
 * A value for one period. Which number fields apply depends on the indicator's kind, known only
 * once it is loaded, so the service checks that part (see `valueFieldsFor`).
 */
export class ReportIndicatorValueDto extends ReportingPeriodDto {
  @ApiPropertyOptional({ example: 42.5, description: 'Plain indicators only' })
  @IsOptional()
  @IsIndicatorNumber()
  value?: number;

  @ApiPropertyOptional({ example: 61.2, description: 'Gap indicators only: the migrant population' })
  @IsOptional()
  @IsIndicatorNumber()
  migrantValue?: number;

  @ApiPropertyOptional({ example: 72.4, description: 'Gap indicators only: the host population' })
  @IsOptional()
  @IsIndicatorNumber()
  hostValue?: number;

  @OptionalText(2000, { example: 'Source: municipal employment register' })
  note?: string;

  @ApiPropertyOptional({
    description: 'The working-partner organisation you report for; required when you belong to more than one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}
