import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, JobHandler, JobName, JobPayload } from '@tandem/core';
import { DataSource } from 'typeorm';
import { EMAIL_BATCH_SIZE } from './notification-fan-out.handler';
import { MailService } from './mail.service';
import { subjectUrl } from './notification-texts';
import { renderNotificationEmail } from './templates/notification-email.template';

interface PendingEmail {
  delivery_id: string;
  status: string;
  notification_id: string;
  title: string;
  body: string;
  subject_type: string;
  subject_id: string;
  type: string;
  email: string;
  preferred_language: string;
}

/**
 * Sends one batch (≤500) of an event's immediate e-mails. The batch is a fixed slice of the event's
 * deliveries (ordered by id; the set a fan-out job created never changes after it commits), so a retried job
 * sees the same slice and skips what was already sent (the delivery row, and MailService's own key).
 */
@Injectable()
export class NotificationEmailHandler {
  private readonly logger = new Logger(NotificationEmailHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.NotificationEmailBatch)
  async handle({ fanOutId, batch }: JobPayload<JobName.NotificationEmailBatch>): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT d.id AS delivery_id, d.status, n.id AS notification_id, n.title, n.body, n.subject_type,
              n.subject_id, n.type, u.email, u.preferred_language
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         JOIN users u ON u.id = n.user_id
        WHERE d.fan_out_id = $1 AND d.channel = 'email'
        ORDER BY d.id
        OFFSET $2 LIMIT $3`,
      [fanOutId, batch * EMAIL_BATCH_SIZE, EMAIL_BATCH_SIZE],
    )) as PendingEmail[];
    let failed: Error | undefined;
    let sent = 0;
    for (const row of rows.filter((r) => r.status === 'pending')) {
      try {
        const email = renderNotificationEmail(row.preferred_language, {
          title: row.title,
          body: row.body,
          url: subjectUrl(this.config.PUBLIC_URL, { type: row.subject_type, id: row.subject_id }),
        });
        await this.mail.sendOnce(`notification.${row.notification_id}.email`, {
          ...email,
          to: row.email,
          template: row.type,
        });
        await this.dataSource.query(
          `UPDATE notification_deliveries SET status = 'sent', sent_at = now() WHERE id = $1 AND status = 'pending'`,
          [row.delivery_id],
        );
        sent++;
      } catch (err) {
        // Keep going: one bad mailbox must not hold up the other 499. The job fails at the end and
        // its retry skips what went out.
        failed = err as Error;
      }
    }
    this.logger.log({ msg: 'notification e-mails', fanOutId, batch, sent });
    if (failed) throw failed;
  }
}
