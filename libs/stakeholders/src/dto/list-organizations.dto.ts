import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@tandem/core';
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

  @ApiPropertyOptional({ example: 'PT' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ description: 'Matches name, city or jurisdiction, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}
