import { Injectable } from '@nestjs/common';
import { JobName, NotificationRequest, OutboxService } from '@tandem/core';
import { EntityManager } from 'typeorm';

/**
 * The notification façade: domain services call `notify` inside their transaction; the worker fans
 * the event out to recipients after commit. Nothing here talks to Redis or SMTP.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly outbox: OutboxService) {}

  async notify(em: EntityManager, request: NotificationRequest): Promise<void> {
    await this.outbox.publish(em, JobName.NotificationFanOut, request);
  }
}
