import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { dueCadences, localTime } from './digest-window';
import { MailService } from './mail.service';
import { subjectUrl } from './notification-texts';
import { renderDigestEmail } from './templates/notification-email.template';

export const DIGEST_BATCH_SIZE = 500;
/** Items listed in one digest e-mail; the rest are counted ("…and 12 more"). */
const DIGEST_LIST_LIMIT = 50;
export const DIGEST_SCHEDULER_ID = 'notification-digest-tick';

/** The cadence of a notification for its recipient: their choice for the type, else their default. */
const CADENCE_SQL = `COALESCE(np.email_by_type ->> n.type, np.email_default)`;

/**
 * Digests. A job scheduler (one, whatever the number of replicas: fixed id) fires the tick every
 * NOTIFICATION_DIGEST_TICK_MS (hourly by default). The tick finds, keyset-paged by user id, users
 * whose local time is 08:xx and who have unread, not yet digested notifications of a type they get
 * as a digest, and enqueues one batch job per 500 of them (id `digest.{tick}.{firstUserId}`), so a
 * city of 50,000 users is 100 jobs, not 50,000. Each user gets at most one digest per cadence and
 * local day (the e-mail's dedupe key), however often the tick runs.
 */
@Injectable()
export class DigestHandlers {
  private readonly logger = new Logger(DigestHandlers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Called by the worker at boot: (re)creates the one tick schedule. */
  async schedule(): Promise<void> {
    await this.jobs.schedule(
      JobName.DigestTick,
      {},
      DIGEST_SCHEDULER_ID,
      this.config.NOTIFICATION_DIGEST_TICK_MS,
    );
  }

  @JobHandler(JobName.DigestTick)
  async tick(_payload: JobPayload<JobName.DigestTick>, meta: { jobId: string }): Promise<void> {
    const now = this.clock.now();
    const hour = now.toISOString().slice(0, 13);
    // Batch ids carry the tick (the scheduler's job id ends in its due time): a retried tick adds
    // nothing new, while a later tick in the same hour still reaches users who became due since.
    const tickKey = meta.jobId
      .split(':')
      .pop()!
      .replace(/[^A-Za-z0-9_-]/g, '_');
    let after = '00000000-0000-0000-0000-000000000000';
    let batches = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT u.id FROM users u JOIN notification_preferences np ON np.user_id = u.id
          WHERE u.disabled_at IS NULL AND u.id > $1
            AND extract(hour FROM ($2::timestamptz AT TIME ZONE u.time_zone)) = 8
            AND EXISTS (
              SELECT 1 FROM notifications n
               WHERE n.user_id = u.id AND n.read_at IS NULL AND n.digested_at IS NULL
                 AND (${CADENCE_SQL} = 'daily_digest'
                      OR (${CADENCE_SQL} = 'weekly_digest'
                          AND extract(isodow FROM ($2::timestamptz AT TIME ZONE u.time_zone)) = 1)))
          ORDER BY u.id LIMIT $3`,
        [after, now.toISOString(), DIGEST_BATCH_SIZE],
      )) as { id: string }[];
      if (!rows.length) break;
      const userIds = rows.map((r) => r.id);
      await this.jobs.enqueue(JobName.DigestBatch, { hour, userIds }, `digest.${tickKey}.${userIds[0]}`);
      batches++;
      after = userIds[userIds.length - 1];
      if (rows.length < DIGEST_BATCH_SIZE) break;
    }
    if (batches) this.logger.log({ msg: 'digest batches enqueued', hour, batches });
  }

  @JobHandler(JobName.DigestBatch)
  async batch({ userIds }: JobPayload<JobName.DigestBatch>): Promise<void> {
    const now = this.clock.now();
    const users = (await this.dataSource.query(
      `SELECT id, email, preferred_language, time_zone FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL`,
      [userIds],
    )) as { id: string; email: string; preferred_language: string; time_zone: string }[];
    let failed: Error | undefined;
    for (const user of users) {
      for (const cadence of dueCadences(now, user.time_zone)) {
        try {
          await this.sendDigest(user, cadence, localTime(now, user.time_zone).date);
        } catch (err) {
          failed = err as Error;
        }
      }
    }
    if (failed) throw failed;
  }

  private async sendDigest(
    user: { id: string; email: string; preferred_language: string },
    cadence: 'daily_digest' | 'weekly_digest',
    localDate: string,
  ): Promise<void> {
    const items = (await this.dataSource.query(
      `SELECT n.id, n.title, n.subject_type, n.subject_id, n.created_at
         FROM notifications n JOIN notification_preferences np ON np.user_id = n.user_id
        WHERE n.user_id = $1 AND n.read_at IS NULL AND n.digested_at IS NULL AND ${CADENCE_SQL} = $2
        ORDER BY n.created_at DESC, n.id DESC`,
      [user.id, cadence],
    )) as { id: string; title: string; subject_type: string; subject_id: string; created_at: Date }[];
    if (!items.length) return;
    const email = renderDigestEmail(
      user.preferred_language,
      cadence,
      items.slice(0, DIGEST_LIST_LIMIT).map((i) => ({
        title: i.title,
        url: subjectUrl(this.config.PUBLIC_URL, { type: i.subject_type, id: i.subject_id }),
        createdAt: i.created_at,
      })),
      items.length,
      `${this.config.PUBLIC_URL.replace(/\/$/, '')}/notifications`,
    );
    const outcome = await this.mail.sendOnce(`digest.${user.id}.${localDate}.${cadence}`, {
      ...email,
      to: user.email,
      template: cadence,
    });
    if (outcome === 'already-sent') {
      // New items since then wait for the next day's digest.
      this.logger.log({ msg: 'digest already sent today', userId: user.id, cadence, localDate });
      return;
    }
    await this.dataSource.query(`UPDATE notifications SET digested_at = now() WHERE id = ANY($1::uuid[])`, [
      items.map((i) => i.id),
    ]);
  }
}
