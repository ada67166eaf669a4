import { Module } from '@nestjs/common';
import { DeadLettersService } from './dead-letters.service';
import { DigestHandlers } from './digest.handlers';
import { InboxService } from './inbox.service';
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
  DeadLettersService,
  NotificationFanOutHandler,
  NotificationEmailHandler,
  DigestHandlers,
  WebhookDeliveryHandler,
];

/**
 * The notification façade (`NotificationsService.notify`), the in-app inbox, e-mail (immediate and
 * digests), webhooks, preferences and dead letters.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class NotificationsModule {}
