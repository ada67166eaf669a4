import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CountryCode, OptionalText, PageQueryDto, IsEnumValue } from '@tandem/core';
import { INTEGRATION_DIMENSIONS, ProgrammeStatus } from '../entities';

export class ListProgrammesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ProgrammeStatus })
  @IsOptional()
  @IsEnumValue(ProgrammeStatus, 'status')
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ enum: INTEGRATION_DIMENSIONS })
  @IsOptional()
  @IsIn(INTEGRATION_DIMENSIONS, { message: `dimension must be one of: ${INTEGRATION_DIMENSIONS.join(', ')}` })
  dimension?: string;

  @CountryCode({ optional: true })
  country?: string;

  @OptionalText(120)
  city?: string;

  @ApiPropertyOptional({
    description: 'Programmes in which this organisation is an active or invited partner',
  })
  @IsOptional()
  @IsUUID()
  partnerOrganizationId?: string;

  @OptionalText(200, { description: 'Matches title or summary, case-insensitive' })
  text?: string;
}
