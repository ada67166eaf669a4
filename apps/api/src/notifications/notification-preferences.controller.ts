import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  NotificationPreferencesDto,
  PreferencesService,
  PutNotificationPreferencesDto,
} from '@tandem/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { Actor } from '@tandem/core';

@ApiTags('notifications')
@Authenticated()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @Operation({
    summary: 'My notification preferences: language, time zone, e-mail per type',
    ok: NotificationPreferencesDto,
  })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor.userId);
  }

  @Put()
  @Operation({
    summary: 'Replace my notification preferences',
    description:
      'E-mail per type: immediate, daily_digest, weekly_digest (Mondays) or off; digests go out at 08:00 in `timeZone`. In-app is always on.',
    ok: NotificationPreferencesDto,
    problems: [400],
  })
  put(@CurrentActor() actor: Actor, @Body() dto: PutNotificationPreferencesDto) {
    return this.preferences.put(actor.userId, {
      language: dto.language,
      timeZone: dto.timeZone,
      email: { default: dto.email.default, byType: dto.email.byType },
    });
  }
}
