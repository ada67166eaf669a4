import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
