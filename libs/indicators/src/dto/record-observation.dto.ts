import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { IsHttpUrl } from '@tandem/core';

/** A figure: a finite JSON number with at most 4 decimals within ±10^12 (numeric(18, 4)). */
export function figureProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (Math.abs(value) > 1e12) return 'must be between -1000000000000 and 1000000000000';
  const text = String(value);
  if (/e/i.test(text) || (text.split('.')[1] ?? '').length > 4) return 'must have at most 4 decimals';
  return null;
}

const IsFigure = () =>
  ValidateBy({
    name: 'isFigure',
    validator: {
      validate: (v: unknown) => figureProblem(v) === null,
      defaultMessage: (a) => `${a?.property} ${figureProblem(a?.value) ?? 'is invalid'}`,
    },
  });

export class RecordObservationDto {
  @ApiProperty({ example: 'eu-zaragoza:employment-rate' })
  @Matches(/^[a-z0-9-]{2,30}:[a-z0-9.-]{1,48}$/, {
    message: 'indicatorCode must be a framework indicator code such as eu-zaragoza:employment-rate',
  })
  indicatorCode!: string;

  @ApiProperty({ example: '2024', description: 'Calendar year' })
  @Matches(/^(19|20)\d{2}$/, { message: 'period must be a year such as 2024' })
  period!: string;

  @ApiProperty({ example: 61.4, description: 'The migrant value, in the indicator’s unit' })
  @IsFigure()
  migrantValue!: number;

  @ApiPropertyOptional({
    example: 72.9,
    description: 'The comparison population’s value: required for a gap indicator, absent for a plain one',
  })
  @IsOptional()
  @IsFigure()
  hostValue?: number;

  @ApiPropertyOptional({ example: 412, description: 'Migrants in the sample, where the source says' })
  @IsOptional()
  @IsInt()
  @Min(1)
  sampleSize?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'The publisher flags the estimate as resting on a small sample',
  })
  @IsOptional()
  @IsBoolean({ message: 'smallSample must be true or false' })
  smallSample?: boolean;

  @ApiProperty({ example: 'Statistics Canada, Labour Force Survey 2024, table 14-10-0083' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  source!: string;

  @ApiPropertyOptional({ example: 'https://www150.statcan.gc.ca/' })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(500)
  sourceUrl?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The publishing government organisation, when you belong to several whose jurisdiction covers the territory',
  })
  @IsOptional()
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

export enum ImportMode {
  AllOrNothing = 'all_or_nothing',
  ValidRows = 'valid_rows',
}

export class ImportObservationsDto {
  @ApiPropertyOptional({ enum: ImportMode, default: ImportMode.AllOrNothing })
  @IsOptional()
  @Matches(/^(all_or_nothing|valid_rows)$/, { message: 'mode must be one of: all_or_nothing, valid_rows' })
  mode?: ImportMode;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}
