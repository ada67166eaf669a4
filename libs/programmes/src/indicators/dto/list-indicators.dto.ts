import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { IndicatorKind, INTEGRATION_DIMENSIONS, IntegrationDimension } from '../../entities';

export class ListIndicatorsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: IntegrationDimension;

  @ApiPropertyOptional({ enum: IndicatorKind })
  @IsOptional()
  @IsEnum(IndicatorKind, { message: 'kind must be one of: plain, gap' })
  kind?: IndicatorKind;
}
