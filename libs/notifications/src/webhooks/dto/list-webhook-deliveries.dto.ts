import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

export class ListWebhookDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed', 'skipped'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed', 'skipped'])
  @Transform(({ value }) => value as string)
  status?: string;
}
