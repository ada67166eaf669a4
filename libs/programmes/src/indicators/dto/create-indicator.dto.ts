import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  IndicatorDirection,
  IndicatorKind,
  INTEGRATION_DIMENSIONS,
  IntegrationDimension,
} from '../../entities';
import { IsIndicatorNumber } from './indicator-fields';
import { IsEnumValue } from '@tandem/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Adopting a framework indicator: dimension, unit, kind and direction come from the catalogue. */
const ownDefinition = (o: CreateIndicatorDto) => o.frameworkIndicatorCode === undefined;

export class CreateIndicatorDto {
  @ApiPropertyOptional({
    example: 'eu-zaragoza:employment-rate',
    description:
      'Adopt a framework indicator (GET /indicator-frameworks/{code}/indicators): its definition, unit, ' +
      'direction, dimension and kind are inherited, so dimension, unit and direction may be left out ' +
      '(sent, they must match the framework).',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,30}:[a-z0-9.-]{1,48}$/, {
    message: 'frameworkIndicatorCode must be a framework indicator code such as eu-zaragoza:employment-rate',
  })
  frameworkIndicatorCode?: string;

  @ApiProperty({ example: 'Employment rate 12 months after arrival' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: INTEGRATION_DIMENSIONS })
  @ValidateIf(ownDefinition)
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension!: IntegrationDimension;

  @ApiProperty({ example: '%' })
  @Transform(trim)
  @ValidateIf(ownDefinition)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(/\S/, { message: 'unit must not be blank' })
  unit!: string;

  @ApiPropertyOptional({
    enum: IndicatorKind,
    default: IndicatorKind.Plain,
    description:
      'plain: one value per period. gap: a migrant value and a host-population value per period; ' +
      'baseline and target are gaps (migrant minus host) and progress is measured on the absolute gap.',
  })
  @IsOptional()
  @IsEnumValue(IndicatorKind, 'kind')
  kind?: IndicatorKind;

  @ApiProperty({ example: -20, description: 'For a gap indicator: the baseline gap, migrant minus host' })
  @IsIndicatorNumber()
  baseline!: number;

  @ApiProperty({ example: -5, description: 'For a gap indicator: the target gap, migrant minus host' })
  @IsIndicatorNumber()
  target!: number;

  @ApiProperty({
    enum: IndicatorDirection,
    description:
      'Which way the value (for a gap indicator: the gap) must move from baseline to target; it must agree with them',
  })
  @ValidateIf(ownDefinition)
  @IsEnumValue(IndicatorDirection, 'direction')
  direction!: IndicatorDirection;
}
