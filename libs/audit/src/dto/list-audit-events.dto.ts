import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant, OptionalText, PageQueryDto } from '@tandem/core';

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
  @IsInstant({ message: '$property must be a valid ISO 8601 date string' })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (exclusive), ISO 8601' })
  @IsOptional()
  @IsInstant({ message: '$property must be a valid ISO 8601 date string' })
  to?: string;
}
