import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { OptionalText, PageQueryDto } from '@tandem/core';

export class ListAuditEventsDto extends PageQueryDto {
  @OptionalText(64, { example: 'organization' })
  entityType?: string;

  @OptionalText(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'User id of who made the change' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (exclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
