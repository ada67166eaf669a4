import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { renderAllLanguages } from './notification-texts';

/** Deliveries per e-mail batch job. */
export const EMAIL_BATCH_SIZE = 500;

/** A job id as part of another job id: kept when plain, hashed when it holds colons or is long. */
export const jobIdSafe = (id: string): string =>
  /^[A-Za-z0-9._-]{1,100}$/.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 32);

/**
 * One notification per recipient, in one INSERT … SELECT: recipients are resolved in the database,
 * so an event for ten thousand people is one statement, not ten thousand round trips. Each
 * recipient's title and body are picked in their language from texts rendered once per language.
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
  ) {}

  @JobHandler(JobName.NotificationFanOut)
  async handle(request: JobPayload<JobName.NotificationFanOut>, meta: { jobId: string }): Promise<void> {
    const texts = renderAllLanguages(request.type, request.params);
    const r = request.recipients;
    const eventKey = request.dedupeKey ?? meta.jobId;
    const inserted = await this.dataSource.transaction(async (em) => {
      const rows: { notifications: string; deliveries: string }[] = await em.query(
        `WITH recipients AS (
           SELECT unnest($1::uuid[]) AS user_id
           UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($2::uuid[])
           UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($3::uuid[]) AND m.role = 'org_admin'
           UNION SELECT m.user_id FROM programmes p JOIN memberships m ON m.organization_id = p.lead_organization_id AND m.role = 'org_admin' WHERE p.id = $4::uuid
           UNION SELECT pm.user_id FROM programme_managers pm WHERE pm.programme_id = $4::uuid
           UNION SELECT m.user_id FROM memberships m WHERE $11::boolean
         ),
         inserted AS (
           INSERT INTO notifications (user_id, type, title, body, subject_type, subject_id, dedupe_key)
           SELECT r.user_id, $5::text,
                  COALESCE($6::jsonb -> u.preferred_language, $6::jsonb -> 'en') ->> 'title',
                  COALESCE($6::jsonb -> u.preferred_language, $6::jsonb -> 'en') ->> 'body',
                  $7::text, $8::uuid, $9::text
             FROM recipients r JOIN users u ON u.id = r.user_id AND u.disabled_at IS NULL
            WHERE r.user_id IS DISTINCT FROM $10::uuid
              AND ($12::text[] IS NULL OR u.preferred_language = ANY($12::text[]))
              AND ($13::text[] IS NULL OR NOT (u.preferred_language = ANY($13::text[])))
           ON CONFLICT (user_id, dedupe_key) DO NOTHING
           RETURNING id, user_id
         ),
         deliveries AS (
           INSERT INTO notification_deliveries (notification_id, channel, fan_out_id)
           SELECT i.id, 'email', $14::text
             FROM inserted i LEFT JOIN notification_preferences np ON np.user_id = i.user_id
            WHERE COALESCE(np.email_by_type ->> $5::text, np.email_default, 'immediate') = 'immediate'
           ON CONFLICT (notification_id, channel) DO NOTHING
           RETURNING id
         )
         SELECT (SELECT count(*) FROM inserted) AS notifications, (SELECT count(*) FROM deliveries) AS deliveries`,
        [
          r.userIds ?? [],
          r.organizationIds ?? [],
          r.organizationAdminsOf ?? [],
          r.programmeManagersOf ?? null,
          request.type,
          JSON.stringify(texts),
          request.subject.type,
          request.subject.id,
          eventKey,
          r.exceptUserId ?? null,
          r.allOrganizationMembers === true,
          r.languages?.in ?? null,
          r.languages?.notIn ?? null,
          meta.jobId,
        ],
      );
      // Webhooks: of organisations one of whose members got this event (also on a retry, when the
      // notifications already exist), for endpoints subscribed to the type.
      const body = JSON.stringify({
        id: eventKey,
        type: request.type,
        occurredAt: new Date().toISOString(),
        subject: request.subject,
        data: request.params,
      });
      await em.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_key, event_type, body)
         SELECT w.id, $1::text, $2::text, $3::text FROM webhooks w
          WHERE w.enabled AND $2::text = ANY(w.event_types)
            AND EXISTS (SELECT 1 FROM notifications n JOIN memberships m ON m.user_id = n.user_id
                         WHERE n.dedupe_key = $1::text AND n.type = $2::text AND m.organization_id = w.organization_id)
         ON CONFLICT (webhook_id, event_key) DO NOTHING`,
        [eventKey, request.type, body],
      );
      return rows[0];
    });
    await this.enqueueDeliveries(meta.jobId, eventKey);
    this.logger.log({
      msg: 'notifications fanned out',
      type: request.type,
      inserted: Number(inserted?.notifications ?? 0),
      emails: Number(inserted?.deliveries ?? 0),
    });
  }

  /**
   * Enqueues the event's e-mail batches and webhook deliveries. Runs on every attempt (a crash may
   * have come between commit and here); the ids are deterministic, so what is queued stays queued once.
   */
  private async enqueueDeliveries(fanOutId: string, eventKey: string): Promise<void> {
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification_deliveries WHERE fan_out_id = $1`,
      [fanOutId],
    )) as { count: number }[];
    const tag = jobIdSafe(fanOutId);
    for (let batch = 0; batch * EMAIL_BATCH_SIZE < count; batch++) {
      await this.jobs.enqueue(
        JobName.NotificationEmailBatch,
        { fanOutId, batch },
        `notification-email.${tag}.${batch}`,
      );
    }
    const hooks = (await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE event_key = $1 AND status = 'pending'`,
      [eventKey],
    )) as { id: string }[];
    for (const { id } of hooks) {
      await this.jobs.enqueue(JobName.WebhookDeliver, { deliveryId: id }, `webhook.${id}`);
    }
  }
}
