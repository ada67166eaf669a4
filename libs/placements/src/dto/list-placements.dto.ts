import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQueryDto, IsEnumValue } from '@tandem/core';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ISIC4_SECTIONS } from '../classifications';
import { PlacementStatus, RetentionCheckStatus } from '../entities';

export class ListPlacementsDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ enum: PlacementStatus })
  @IsOptional()
  @IsEnum(PlacementStatus, { message: 'status must be active or ended' })
  status?: PlacementStatus;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'Start date on or after' })
  @IsOptional()
  @IsCalendarDate({ message: 'startFrom must be a date YYYY-MM-DD' })
  startFrom?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Start date on or before' })
  @IsOptional()
  @IsCalendarDate({ message: 'startTo must be a date YYYY-MM-DD' })
  startTo?: string;

  @ApiPropertyOptional({ example: 'I' })
  @IsOptional()
  @IsIn(ISIC4_SECTIONS, { message: 'sector must be an ISIC Rev.4 section letter (A–U)' })
  sector?: string;

  @ApiPropertyOptional({ description: 'Only this employer (one of mine, or of my programmes)' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string;
}

export class PlacementStatsQueryDto {
  @ApiPropertyOptional({
    description:
      'Programme view: its managers see all its placements across employers, small cells suppressed',
  })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'Only this employer (one of mine)' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string;
}

export class ListParticipantsDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class ListCheckInsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RetentionCheckStatus })
  @IsOptional()
  @IsEnumValue(RetentionCheckStatus, 'status')
  status?: RetentionCheckStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  placementId?: string;
}
