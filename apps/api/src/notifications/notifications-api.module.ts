import { Module } from '@nestjs/common';
import { NotificationsModule } from '@tandem/notifications';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** HTTP routes of the inbox and notification preferences. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController, NotificationPreferencesController],
})
export class NotificationsApiModule {}
