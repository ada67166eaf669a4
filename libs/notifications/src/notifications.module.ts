import { Module } from '@nestjs/common';
import { InboxService } from './inbox.service';
import { MailService } from './mail.service';
import { NotificationFanOutHandler } from './notification-fan-out.handler';
import { NotificationsService } from './notifications.service';

/** The notification façade (`NotificationsService.notify`), the in-app inbox, and e-mail. */
@Module({
  providers: [MailService, NotificationsService, InboxService, NotificationFanOutHandler],
  exports: [MailService, NotificationsService, InboxService, NotificationFanOutHandler],
})
export class NotificationsModule {}
