import { Injectable } from '@nestjs/common';
import { JobName, OutboxService } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { NotificationType, TypedNotificationRequest } from './notification-catalogue';

/**
 * The notification façade: domain services call `notify` inside their transaction; the worker fans
 * the event out to recipients after commit. Nothing here talks to Redis or SMTP. The type decides
 * the params' shape (notification-catalogue.ts), so a typo or a missing param fails to compile.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly outbox: OutboxService) {}

  async notify<T extends NotificationType>(
    em: EntityManager,
    request: TypedNotificationRequest<T>,
  ): Promise<void> {
    await this.outbox.publish(em, JobName.NotificationFanOut, request);
  }
}
