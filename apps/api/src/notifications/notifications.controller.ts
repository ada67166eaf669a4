import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, AppConfig } from '@tandem/core';
import {
  InboxService,
  ListNotificationsDto,
  NOTIFICATION_TYPES,
  NotificationPageDto,
  NotificationTypesView,
  notificationView,
  UnreadCountView,
} from '@tandem/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IdPath } from '../http/path-params.dto';

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Operation({
    summary: 'My in-app notifications, newest first; each links to its subject',
    ok: NotificationPageDto,
    problems: [400],
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsDto) {
    const page = await this.inbox.list(actor.userId, query);
    return {
      items: page.items.map((n) => notificationView(n, this.config.PUBLIC_URL)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('types')
  @Operation({
    summary: 'Every notification type (for preferences and webhook subscriptions)',
    ok: NotificationTypesView,
  })
  types(): NotificationTypesView {
    return { types: NOTIFICATION_TYPES };
  }

  @Get('unread-count')
  @Operation({ summary: 'How many of my notifications are unread', ok: UnreadCountView })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(actor.userId) };
  }

  @Post('read-all')
  @HttpCode(204)
  @Operation({ summary: 'Mark all my notifications read' })
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.inbox.markAllRead(actor.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Operation({ summary: 'Mark one of my notifications read', problems: [400, 404] })
  async read(@CurrentActor() actor: Actor, @Param() { id }: IdPath): Promise<void> {
    await this.inbox.markRead(actor.userId, id);
  }
}
