import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { renderForReaders } from './notification-texts';
import { NotificationsRepository } from './notifications.repository';

/** Deliveries per e-mail batch job. */
export const EMAIL_BATCH_SIZE = 500;

/** A job id as part of another job id: kept when plain, hashed when it holds colons or is long. */
export const jobIdSafe = (id: string): string =>
  /^[A-Za-z0-9._-]{1,100}$/.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 32);

/**
 * One notification per recipient, in one INSERT … SELECT: recipients are resolved in the database,
 * so an event for ten thousand people is one statement, not ten thousand round trips. Each
 * recipient's title and body are picked from texts rendered once per (language, time zone) pair
 * the recipients share, so dates read in each reader's language and local time.
 * The same statement adds one e-mail delivery per new notification whose recipient wants that type
 * immediately, and the transaction adds one webhook delivery per subscribed endpoint of an
 * organisation one of whose members was notified.
 *
 * Unique (user, dedupe key), (notification, channel) and (webhook, event) indexes make a retried
 * job, or the same job on a second replica, insert nothing twice. After commit the e-mails go out
 * in batch jobs of ≤500 and webhooks in one job each, all with deterministic ids, so a worker
 * killed at any point finishes the same work on retry without duplicating it.
 */
@Injectable()
export class NotificationFanOutHandler {
  private readonly logger = new Logger(NotificationFanOutHandler.name);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.NotificationFanOut)
  async handle(request: JobPayload<JobName.NotificationFanOut>, meta: { jobId: string }): Promise<void> {
    const r = request.recipients;
    const eventKey = request.dedupeKey ?? meta.jobId;
    const recipients = {
      userIds: r.userIds ?? [],
      organizationIds: r.organizationIds ?? [],
      organizationAdminsOf: r.organizationAdminsOf ?? [],
      programmeManagersOf: r.programmeManagersOf ?? null,
      exceptUserId: r.exceptUserId ?? null,
      allOrganizationMembers: r.allOrganizationMembers === true,
      languagesIn: r.languages?.in ?? null,
      languagesNotIn: r.languages?.notIn ?? null,
    };
    const inserted = await this.repository.transaction(async (em) => {
      // One render per (language, time zone) the recipients share, so dates read in local time.
      const readings = await this.repository.fanOutReadings(em, recipients);
      const texts = renderForReaders(request.type, request.params, readings);
      const counts = await this.repository.insertFanOut(em, {
        ...recipients,
        type: request.type,
        textsJson: JSON.stringify(texts),
        subjectType: request.subject.type,
        subjectId: request.subject.id,
        eventKey,
        fanOutId: meta.jobId,
      });
      const body = JSON.stringify({
        id: eventKey,
        type: request.type,
        occurredAt: new Date().toISOString(),
        subject: request.subject,
        data: request.params,
      });
      await this.repository.insertWebhookDeliveries(em, eventKey, request.type, body);
      return counts;
    });
    await this.enqueueDeliveries(meta.jobId, eventKey, request.bulk === true);
    this.logger.log({
      msg: 'notifications fanned out',
      type: request.type,
      inserted: Number(inserted?.notifications ?? 0),
      emails: Number(inserted?.deliveries ?? 0),
    });
  }

  /**
   * Enqueues the event's e-mail batches and webhook deliveries. Runs on every attempt (a crash may
   * have come between commit and here); the ids are deterministic, so what is queued stays queued
   * once. Large fan-outs (and bulk producers) go on the bulk e-mail queue, which has workers of its
   * own, so a mass mailing never holds up an invitation or a task assignment.
   */
  private async enqueueDeliveries(fanOutId: string, eventKey: string, bulk: boolean): Promise<void> {
    const count = await this.repository.countDeliveries(fanOutId);
    const job =
      bulk || count > this.config.BULK_EMAIL_THRESHOLD
        ? JobName.NotificationBulkEmailBatch
        : JobName.NotificationEmailBatch;
    const tag = jobIdSafe(fanOutId);
    for (let batch = 0; batch * EMAIL_BATCH_SIZE < count; batch++) {
      await this.jobs.enqueue(job, { fanOutId, batch }, `notification-email.${tag}.${batch}`);
    }
    for (const id of await this.repository.pendingWebhookDeliveries(eventKey)) {
      await this.jobs.enqueue(JobName.WebhookDeliver, { deliveryId: id }, `webhook.${id}`);
    }
  }
}
