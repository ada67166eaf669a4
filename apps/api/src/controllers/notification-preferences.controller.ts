import { Actor } from '@tandem/core';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { EMAIL_CADENCES, EmailCadence, PreferencesService, SUPPORTED_LANGUAGES } from '@tandem/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';

class EmailPreferencesDto {
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

class PutNotificationPreferencesDto {
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

class NotificationPreferencesDto {
  @ApiProperty({ enum: SUPPORTED_LANGUAGES })
  language!: string;

  @ApiProperty({ example: 'Europe/Lisbon' })
  timeZone!: string;

  @ApiProperty({ enum: ['always'], description: 'In-app notifications cannot be turned off' })
  inApp!: 'always';

  @ApiProperty({ type: EmailPreferencesDto })
  email!: EmailPreferencesDto;
}

@ApiTags('notifications')
@Authenticated()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'My notification preferences: language, time zone, e-mail per type' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor.userId);
  }

  @Put()
  @ApiOperation({
    summary: 'Replace my notification preferences',
    description:
      'E-mail per type: immediate, daily_digest, weekly_digest (Mondays) or off; digests go out at 08:00 in `timeZone`. In-app is always on.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(400)
  put(@CurrentActor() actor: Actor, @Body() dto: PutNotificationPreferencesDto) {
    return this.preferences.put(actor.userId, {
      language: dto.language,
      timeZone: dto.timeZone,
      email: { default: dto.email.default, byType: dto.email.byType },
    });
  }
}
