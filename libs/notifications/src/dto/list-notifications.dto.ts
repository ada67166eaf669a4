import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, PageQueryDto } from '@tandem/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListNotificationsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @OptionalText(64, { example: 'task.assigned' })
  type?: string;
}
