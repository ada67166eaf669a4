import { Module } from '@nestjs/common';
import { NotificationsModule } from '@tandem/notifications';
import { WebhooksController } from './webhooks.controller';

/** HTTP routes of webhook subscriptions and their deliveries. */
@Module({
  imports: [NotificationsModule],
  controllers: [WebhooksController],
})
export class WebhooksApiModule {}
