import { OptionalText } from '@tandem/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { NOTIFICATION_TYPES } from '../../notification-texts';

export class UpdateWebhookDto {
  @OptionalText(2000)
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: NOTIFICATION_TYPES })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ description: 'false pauses the endpoint; true re-enables one Tandem disabled' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
