import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@tandem/core';
import { INTEGRATION_DIMENSIONS, ProgrammeStatus } from '../entities';

export class ListProgrammesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ProgrammeStatus })
  @IsOptional()
  @IsEnum(ProgrammeStatus, { message: `status must be one of: ${Object.values(ProgrammeStatus).join(', ')}` })
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({
    description: 'Programmes in which this organisation is an active or invited partner',
  })
  @IsOptional()
  @IsUUID()
  partnerOrganizationId?: string;

  @ApiPropertyOptional({ description: 'Matches title or summary, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}
