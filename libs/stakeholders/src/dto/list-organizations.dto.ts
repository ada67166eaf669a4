import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CountryCode, OptionalText, PageQueryDto, IsEnumValue } from '@tandem/core';
import { OrganizationKind } from '../entities/organization.entity';
import { GovernmentLevel } from '../kinds/government/government-profile.entity';

export class ListOrganizationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OrganizationKind })
  @IsOptional()
  @IsEnumValue(OrganizationKind, 'kind')
  kind?: OrganizationKind;

  @ApiPropertyOptional({ enum: GovernmentLevel, description: 'Government level (implies kind=government)' })
  @IsOptional()
  @IsEnumValue(GovernmentLevel, 'level')
  level?: GovernmentLevel;

  @CountryCode({ optional: true, example: 'PT' })
  country?: string;

  @OptionalText(120)
  city?: string;

  @OptionalText(200, { description: 'Matches name, city or jurisdiction, case-insensitive' })
  text?: string;
}
