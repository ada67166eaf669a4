import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { IsOptional, IsUUID } from 'class-validator';

export class ListDueCheckInsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this employer (one of mine); all my employers by default' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string;
}
