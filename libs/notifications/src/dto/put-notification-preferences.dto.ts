import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EMAIL_CADENCES, EmailCadence } from '../entities/notification-preference.entity';
import { SUPPORTED_LANGUAGES } from '../templates/layout';

export class EmailPreferencesDto {
  @ApiProperty({ enum: EMAIL_CADENCES, description: 'For every type not listed in byType' })
  // Checked by the service with the other values, so one 400 names every bad field.
  @IsString()
  default!: EmailCadence;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...EMAIL_CADENCES] },
    example: { 'task.assigned': 'off', 'consultation.opened': 'daily_digest' },
    description: 'Per notification type (see GET /notifications/types)',
  })
  @IsOptional()
  @IsObject()
  byType?: Record<string, string>;
}

export class PutNotificationPreferencesDto {
  @ApiProperty({ enum: SUPPORTED_LANGUAGES, description: 'Language of e-mails and in-app texts' })
  @IsString()
  language!: string;

  @ApiProperty({ example: 'Europe/Lisbon', description: 'IANA time zone; digests go out at 08:00 in it' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: EmailPreferencesDto })
  @ValidateNested()
  @Type(() => EmailPreferencesDto)
  email!: EmailPreferencesDto;
}
