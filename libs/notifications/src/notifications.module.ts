import { Module } from '@nestjs/common';
import { DigestHandlers } from './digest.handlers';
import { InboxService } from './inbox.service';
import { InvitationEmailHandler } from './invitation-email.handler';
import { MailService } from './mail.service';
import { NotificationEmailHandler } from './notification-email.handler';
import { NotificationFanOutHandler } from './notification-fan-out.handler';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { WebhooksService } from './webhooks/webhooks.service';

const PROVIDERS = [
  NotificationsRepository,
  MailService,
  NotificationsService,
  InboxService,
  PreferencesService,
  WebhooksService,
  NotificationFanOutHandler,
  NotificationEmailHandler,
  DigestHandlers,
  InvitationEmailHandler,
  WebhookDeliveryHandler,
];

/**
 * The notification façade (`NotificationsService.notify`), the in-app inbox, e-mail (immediate and
 * digests), webhooks, preferences and the invitation e-mail.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class NotificationsModule {}
