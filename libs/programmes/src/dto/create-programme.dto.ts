import {
  CountryCode,
  IsCalendarDate,
  IsTerritoryCode,
  OptionalText,
  OptionalValueList,
  POLICY_AREAS,
  OptionalNested,
} from '@tandem/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { INTEGRATION_DIMENSIONS, TARGET_GROUPS } from '../entities';
import { OptionalGcmObjectives, OptionalSdgTargets } from './global-goal-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BudgetDto {
  @ApiProperty({ example: '250000.00', description: 'Decimal amount, up to 2 decimals' })
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, {
    message: 'amount must be a non-negative decimal with at most 2 decimals',
  })
  amount!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 currency code' })
  currency!: string;
}

export class CreateProgrammeDto {
  @ApiProperty({ example: 'Riverton Jobs Bridge' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @OptionalText(5000)
  summary?: string;

  @ApiProperty({ description: 'The lead organisation; you must be one of its org admins' })
  @IsUUID()
  leadOrganizationId!: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2028-12-31' })
  @IsCalendarDate()
  endDate!: string;

  @CountryCode({ example: 'PT' })
  country!: string;

  @ApiPropertyOptional({ example: 'Northvale' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  region?: string;

  @ApiPropertyOptional({ example: 'Riverton' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  city?: string;

  @OptionalNested(BudgetDto)
  budget?: BudgetDto;

  @OptionalValueList(TARGET_GROUPS, 'targetGroups')
  targetGroups?: string[];

  @OptionalValueList(INTEGRATION_DIMENSIONS, 'dimensions')
  dimensions?: string[];

  @OptionalSdgTargets(['10.2', '10.7', '16.7'])
  sdgTargets?: string[];

  @OptionalGcmObjectives([5, 16])
  gcmObjectives?: number[];

  @OptionalValueList(POLICY_AREAS, 'policyAreas', { description: 'Policy areas it touches' })
  policyAreas?: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      'A general programme, not specific to migrants; naming migrants among its targetGroups makes it "mainstreaming"',
  })
  @IsOptional()
  @IsBoolean({ message: 'mainstream must be true or false' })
  mainstream?: boolean;

  @ApiPropertyOptional({ example: 'CA-ON-riverton', description: 'The territory it works in' })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;
}
