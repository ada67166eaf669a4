import { ApiProperty } from '@nestjs/swagger';
import { Notification } from './entities/notification.entity';
import { NOTIFICATION_TYPES, subjectUrl } from './notification-texts';

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'task.assigned' }) type!: string;
  @ApiProperty({ description: "In the reader's language" }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: 'task', description: 'What it is about' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ example: 'https://tandem.example/tasks/…', description: 'Where the subject lives' })
  link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** An in-app notification as its reader sees it, with a link to its subject. */
export const notificationView = (n: Notification, publicUrl: string): NotificationDto => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  link: subjectUrl(publicUrl, { type: n.subjectType, id: n.subjectId }),
  createdAt: n.createdAt,
  readAt: n.readAt,
});

export class NotificationTypesView {
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true })
  types!: readonly string[];
}

export class UnreadCountView {
  @ApiProperty({ description: 'Unread notifications of the caller' })
  unread!: number;
}
