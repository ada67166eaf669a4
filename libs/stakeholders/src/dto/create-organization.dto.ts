import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsISO31661Alpha2,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OrganizationKind } from '../entities/organization.entity';
import { IsEnumValue } from '@tandem/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateOrganizationDto {
  @ApiProperty({ enum: OrganizationKind })
  @IsEnumValue(OrganizationKind, 'kind')
  kind!: OrganizationKind;

  @ApiProperty({ example: 'City of Riverton' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'PT', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 country code' })
  country!: string;

  @ApiProperty({ example: 'Riverton' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  city!: string;

  @ApiProperty({ example: 'integration@example.org' })
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiPropertyOptional({ example: 'https://riverton.example' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @ApiProperty({
    description:
      'The profile of the kind: government {level, jurisdiction}; employer {sector, sizeBand}; ' +
      'civil_society {services}; migrant_association {communities, languages}',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  profile!: Record<string, unknown>;
}
