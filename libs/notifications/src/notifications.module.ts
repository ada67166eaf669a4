import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { StakeholdersModule } from '@tandem/stakeholders';
import { DigestHandlers } from './digest.handlers';
import { InboxService } from './inbox.service';
import { InvitationEmailHandler } from './invitation-email.handler';
import { MailService } from './mail.service';
import { NotificationEmailHandler } from './notification-email.handler';
import { NotificationFanOutHandler } from './notification-fan-out.handler';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesService } from './preferences.service';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { WebhooksService } from './webhooks/webhooks.service';

const PROVIDERS = [
  NotificationsRepository,
  MailService,
  NotificationsService,
  InboxService,
  PreferencesService,
  PreferencesRepository,
  WebhooksService,
  NotificationFanOutHandler,
  NotificationEmailHandler,
  DigestHandlers,
  InvitationEmailHandler,
  WebhookDeliveryHandler,
  WebhookDeliveriesRepository,
];

/**
 * The notification façade (`NotificationsService.notify`), the in-app inbox, e-mail (immediate and
 * digests), webhooks, preferences and the invitation e-mail.
 */
@Module({ imports: [AuthModule, StakeholdersModule], providers: PROVIDERS, exports: PROVIDERS })
export class NotificationsModule {}
