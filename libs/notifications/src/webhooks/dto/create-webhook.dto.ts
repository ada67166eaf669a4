import { OptionalText } from '@tandem/core';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { NOTIFICATION_TYPES } from '../../notification-texts';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://partner.example.org/tandem-events' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    type: [String],
    example: ['task.assigned', 'consultation.opened'],
    enum: NOTIFICATION_TYPES,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes!: string[];

  @OptionalText(500, { maxLength: 500 })
  description?: string;
}
