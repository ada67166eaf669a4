import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  Clock,
  JobHandler,
  JobMeta,
  JobName,
  JobPayload,
  JobQueueService,
  RepeatingJobHandler,
} from '@tandem/core';
import { dueCadences, localTime } from './digest-window';
import { MailService } from './mail.service';
import { NotificationsRepository } from './notifications.repository';
import { subjectUrl } from './notification-texts';
import { renderDigestEmail } from './templates/notification-email.template';

export const DIGEST_BATCH_SIZE = 500;
/** Items listed in one digest e-mail; the rest are counted ("…and 12 more"). */
const DIGEST_LIST_LIMIT = 50;
export const DIGEST_SCHEDULER_ID = 'notification-digest-tick';

/**
 * Digests. A job scheduler (one, whatever the number of replicas: fixed id) fires the tick every
 * NOTIFICATION_DIGEST_TICK_MS (hourly by default). The tick finds, keyset-paged by user id, users
 * whose local time is 08:xx and who have unread, not yet digested notifications of a type they get
 * as a digest, and enqueues one batch job per 500 of them (id `digest.{tick}.{firstUserId}`), so a
 * city of 50,000 users is 100 jobs, not 50,000. Each user gets at most one digest per cadence and
 * local day (the e-mail's dedupe key), however often the tick runs.
 */
@Injectable()
export class DigestHandlers extends RepeatingJobHandler {
  constructor(
    private readonly repository: NotificationsRepository,
    jobs: JobQueueService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(jobs, {
      schedulerId: DIGEST_SCHEDULER_ID,
      job: JobName.DigestTick,
      everyMs: config.NOTIFICATION_DIGEST_TICK_MS,
    });
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
      const userIds = await this.repository.digestUsersDue(after, now, DIGEST_BATCH_SIZE);
      if (!userIds.length) break;
      await this.jobs.enqueue(JobName.DigestBatch, { hour, userIds }, `digest.${tickKey}.${userIds[0]}`);
      batches++;
      after = userIds[userIds.length - 1];
      if (userIds.length < DIGEST_BATCH_SIZE) break;
    }
    if (batches) this.logger.log({ msg: 'digest batches enqueued', hour, batches });
  }

  /**
   * One digest per user and due cadence. On SIGTERM it stops after the user in hand and hands the
   * users not reached back as a new job (`{jobId}.r{done}`), so the next worker goes on at once.
   */
  @JobHandler(JobName.DigestBatch)
  async batch({ hour, userIds }: JobPayload<JobName.DigestBatch>, meta?: JobMeta): Promise<void> {
    const now = this.clock.now();
    const users = await this.repository.digestUsers(userIds);
    let failed: Error | undefined;
    let done = 0;
    for (const user of users) {
      if (meta?.stopping?.aborted) {
        const rest = users.slice(done).map((u) => u.id);
        await this.jobs.enqueue(JobName.DigestBatch, { hour, userIds: rest }, `${meta.jobId}.r${done}`);
        this.logger.log({ msg: 'digest batch checkpointed on shutdown', done, rest: rest.length });
        return;
      }
      for (const cadence of dueCadences(now, user.time_zone)) {
        try {
          await this.sendDigest(user, cadence, localTime(now, user.time_zone).date);
        } catch (err) {
          failed = err as Error;
        }
      }
      done++;
    }
    if (failed) throw failed;
  }

  private async sendDigest(
    user: { id: string; email: string; preferred_language: string },
    cadence: 'daily_digest' | 'weekly_digest',
    localDate: string,
  ): Promise<void> {
    const items = await this.repository.digestItems(user.id, cadence);
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
    // The listed items are marked digested in the transaction that records the 250.
    const ids = items.map((i) => i.id);
    const outcome = await this.mail.sendOnce(
      `digest.${user.id}.${localDate}.${cadence}`,
      { ...email, to: user.email, template: cadence },
      (em) => this.repository.markDigested(em, ids),
    );
    if (outcome === 'already-sent') {
      // New items since then wait for the next day's digest.
      this.logger.log({ msg: 'digest already sent today', userId: user.id, cadence, localDate });
    }
  }
}
