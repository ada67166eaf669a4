import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, IsEnumValue } from '@tandem/core';
import { IsIn, IsOptional } from 'class-validator';
import { IndicatorKind, INTEGRATION_DIMENSIONS, IntegrationDimension } from '../../entities';

export class ListIndicatorsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: IntegrationDimension;

  @ApiPropertyOptional({ enum: IndicatorKind })
  @IsOptional()
  @IsEnumValue(IndicatorKind, 'kind')
  kind?: IndicatorKind;
}
