import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Actor } from '@tandem/auth';
import { PageQueryDto } from '@tandem/core';
import { InboxService, NOTIFICATION_TYPES } from '@tandem/notifications';
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

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first; each links to its subject' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsDto) {
    return this.inbox.list(actor.userId, query);
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
