import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsTerritoryCode, OptionalValueList, POLICY_AREAS, IsEnumValue } from '@tandem/core';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GovernmentLevel } from './government-profile.entity';

export class GovernmentProfileDto {
  @ApiProperty({ enum: GovernmentLevel })
  @IsEnumValue(GovernmentLevel, 'level')
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

  @OptionalValueList(POLICY_AREAS, 'policyAreas')
  policyAreas?: string[];
}
