import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { CountryCode, OptionalText, PageQueryDto } from '@tandem/core';
import { OrganizationKind } from '../entities/organization.entity';
import { GovernmentLevel } from '../kinds/government/government-profile.entity';

export class ListOrganizationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OrganizationKind })
  @IsOptional()
  @IsEnum(OrganizationKind, {
    message: 'kind must be one of: government, employer, civil_society, migrant_association',
  })
  kind?: OrganizationKind;

  @ApiPropertyOptional({ enum: GovernmentLevel, description: 'Government level (implies kind=government)' })
  @IsOptional()
  @IsEnum(GovernmentLevel, { message: 'level must be one of: national, regional, municipal, local' })
  level?: GovernmentLevel;

  @CountryCode({ optional: true, example: 'PT' })
  country?: string;

  @OptionalText(120)
  city?: string;

  @OptionalText(200, { description: 'Matches name, city or jurisdiction, case-insensitive' })
  text?: string;
}
