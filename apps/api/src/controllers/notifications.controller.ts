import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

import { AppConfig, PageQueryDto, Actor } from '@tandem/core';
import { InboxService, Notification, NOTIFICATION_TYPES, subjectUrl } from '@tandem/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

class ListNotificationsDto extends PageQueryDto {
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

class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'task.assigned' }) type!: string;
  @ApiProperty({ description: "In the reader's language" }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: 'task', description: 'What it is about' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ example: 'https://tandem.example/tasks/…', description: 'Where the subject lives' })
  link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
}

class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly config: AppConfig,
  ) {}

  private view(n: Notification) {
    return {
      id: n.id,
      type: n.type,
      title: n.title,
      body: n.body,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      link: subjectUrl(this.config.PUBLIC_URL, { type: n.subjectType, id: n.subjectId }),
      createdAt: n.createdAt,
      readAt: n.readAt,
    };
  }

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first; each links to its subject' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400)
  async list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsDto) {
    const page = await this.inbox.list(actor.userId, query);
    return { items: page.items.map((n) => this.view(n)), nextCursor: page.nextCursor };
  }

  @Get('types')
  @ApiOperation({ summary: 'Every notification type (for preferences and webhook subscriptions)' })
  types() {
    return { types: NOTIFICATION_TYPES };
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.inbox.unreadCount(actor.userId) };
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.inbox.markAllRead(actor.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiProblems(400, 404)
  async read(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.inbox.markRead(actor.userId, id);
  }
}
