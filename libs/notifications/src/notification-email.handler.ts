import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobHandler, JobMeta, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { EMAIL_BATCH_SIZE } from './notification-fan-out.handler';
import { BatchEmail, MailService } from './mail.service';
import { NotificationsRepository, PendingEmailRow } from './notifications.repository';
import { subjectUrl } from './notification-texts';
import { renderNotificationEmail } from './templates/notification-email.template';

type BatchJob = JobName.NotificationEmailBatch | JobName.NotificationBulkEmailBatch;

/**
 * Sends one batch (≤500) of an event's immediate e-mails. The batch is a fixed slice of the event's
 * deliveries (ordered by id; the set a fan-out job created never changes after it commits), so a
 * retried job sees the same slice and skips what was already sent.
 *
 * Up to SMTP_POOL_SIZE messages are in flight at once (one per pooled connection), with claims and
 * records grouped into a few statements (MailService.sendBatch). On SIGTERM the
 * batch finishes the messages in flight, records them, hands the unsent rest back as a new job with
 * a deterministic id (`{jobId}.r{sentSoFar}`) and completes, so the next worker starts on the rest
 * at once instead of waiting for this job's lock to expire.
 */
@Injectable()
export class NotificationEmailHandler {
  private readonly logger = new Logger(NotificationEmailHandler.name);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mail: MailService,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.NotificationEmailBatch)
  async handle(payload: JobPayload<JobName.NotificationEmailBatch>, meta: JobMeta): Promise<void> {
    await this.send(JobName.NotificationEmailBatch, payload, meta);
  }

  @JobHandler(JobName.NotificationBulkEmailBatch)
  async handleBulk(payload: JobPayload<JobName.NotificationBulkEmailBatch>, meta: JobMeta): Promise<void> {
    await this.send(JobName.NotificationBulkEmailBatch, payload, meta);
  }

  private async send(
    name: BatchJob,
    { fanOutId, batch }: { fanOutId: string; batch: number },
    meta: JobMeta,
  ): Promise<void> {
    const rows = await this.repository.emailSlice(fanOutId, batch * EMAIL_BATCH_SIZE, EMAIL_BATCH_SIZE);
    const pending = rows.filter((r) => r.status === 'pending');
    const outcome = await this.mail.sendBatch(
      pending.map((row) => this.message(row)),
      meta.stopping,
    );
    if (outcome.notStarted) {
      // SIGTERM: the rest goes back to the queue now, as a job of its own.
      const resumeId = `${meta.jobId}.r${outcome.sent}`;
      await this.jobs.enqueue(name, { fanOutId, batch }, resumeId);
      this.logger.log({
        msg: 'e-mail batch checkpointed on shutdown',
        fanOutId,
        batch,
        ...outcome,
        resumeId,
      });
      return;
    }
    this.logger.log({ msg: 'notification e-mails', fanOutId, batch, sent: outcome.sent });
    // The job fails at the end, and its retry skips what went out.
    if (outcome.failed) throw outcome.failed;
    if (outcome.inFlightElsewhere)
      throw new Error(
        `${outcome.inFlightElsewhere} e-mail(s) of this batch are leased by another worker; retrying`,
      );
  }

  private message(row: PendingEmailRow): BatchEmail {
    const email = renderNotificationEmail(row.preferred_language, {
      title: row.title,
      body: row.body,
      url: subjectUrl(this.config.PUBLIC_URL, { type: row.subject_type, id: row.subject_id }),
    });
    return {
      dedupeKey: `notification.${row.notification_id}.email`,
      email: { ...email, to: row.email, template: row.type },
      notificationDeliveryId: row.delivery_id,
    };
  }
}
