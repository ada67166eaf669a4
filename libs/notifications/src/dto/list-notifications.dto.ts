import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tandem/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListNotificationsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ example: 'task.assigned' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;
}
