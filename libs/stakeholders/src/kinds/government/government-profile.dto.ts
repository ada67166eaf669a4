import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsTerritoryCode, POLICY_AREAS } from '@tandem/core';
import {
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { GovernmentLevel } from './government-profile.entity';

export class GovernmentProfileDto {
  @ApiProperty({ enum: GovernmentLevel })
  @IsEnum(GovernmentLevel, { message: 'level must be one of: national, regional, municipal, local' })
  level!: GovernmentLevel;

  @ApiProperty({ example: 'City of Riverton' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jurisdiction!: string;

  @ApiPropertyOptional({
    example: 'CA-ON-riverton',
    description: 'The jurisdiction as a territory code; its members publish official observations for it',
  })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string | null;

  @ApiPropertyOptional({ enum: POLICY_AREAS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(POLICY_AREAS, {
    each: true,
    message: `each of policyAreas must be one of: ${POLICY_AREAS.join(', ')}`,
  })
  policyAreas?: string[];
}
