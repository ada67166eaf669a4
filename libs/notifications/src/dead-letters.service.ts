import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import {
  CoreError,
  DeadLetter,
  isJobName,
  JobName,
  NotificationRequest,
  OutboxService,
  Page,
  PageQueryDto,
  paginate,
  type Actor,
} from '@tandem/core';
import { DataSource } from 'typeorm';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';

export interface FailedJob {
  queue: string;
  name: string;
  id: string;
  data: unknown;
  error: string;
  attempts: number;
}

/**
 * Jobs that exhausted their attempts, on any queue. The worker records them (once per job: unique
 * (queue, job id)); platform admins list and replay them. A replay is a compare-and-set on
 * `replayed_at` plus an outbox event in the same transaction: the job is enqueued once, with the
 * event id as its new, deterministic job id, and a second replay is a 409.
 */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger(DeadLettersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async record(job: FailedJob): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters (queue, job_name, job_id, payload, error, attempts)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (queue, job_id) DO NOTHING`,
      [
        job.queue,
        job.name,
        job.id.slice(0, 300),
        JSON.stringify(job.data ?? {}),
        job.error.slice(0, 4000),
        job.attempts,
      ],
    );
    this.logger.warn({ msg: 'job dead-lettered', queue: job.queue, job: job.name, jobId: job.id });
  }

  private assertAdmin(actor: Actor): void {
    if (actor.platformRole !== 'admin') throw CoreError.forbidden('Only platform admins see dead letters');
  }

  list(
    actor: Actor,
    query: PageQueryDto & { queue?: string; replayed?: boolean },
  ): Promise<Page<DeadLetter>> {
    this.assertAdmin(actor);
    const qb = this.dataSource.getRepository(DeadLetter).createQueryBuilder('d');
    if (query.queue) qb.andWhere('d.queue = :queue', { queue: query.queue });
    if (query.replayed !== undefined)
      qb.andWhere(query.replayed ? 'd.replayed_at IS NOT NULL' : 'd.replayed_at IS NULL');
    return paginate(qb, {
      keys: ['d.failed_at', 'd.id'],
      direction: 'DESC',
      cursorOf: (d) => [d.failedAt.toISOString(), d.id],
      query,
    });
  }

  async replay(actor: Actor, id: string): Promise<DeadLetter> {
    this.assertAdmin(actor);
    return this.dataSource.transaction(async (em) => {
      const [claimed] = (await em.query(
        `UPDATE dead_letters SET replayed_at = now(), replayed_by = $2 WHERE id = $1 AND replayed_at IS NULL RETURNING id`,
        [id, actor.userId],
      )) as [{ id: string }[], number];
      const letter = await em.getRepository(DeadLetter).findOneBy({ id });
      if (!letter) throw CoreError.notFound('Dead letter');
      if (!claimed.length)
        throw new NotificationsError(
          NotificationsErrorCode.DeadLetterAlreadyReplayed,
          `This job was already replayed at ${letter.replayedAt?.toISOString()}`,
        );
      if (!isJobName(letter.jobName))
        throw CoreError.invalid('jobName', `${letter.jobName} is no longer a job`);
      let payload = letter.payload;
      if (letter.jobName === JobName.NotificationFanOut) {
        // The fan-out's dedupe key defaults to its job id: keep the original, so recipients the
        // failed run already reached are not notified twice under the replay's new id.
        const request = payload as unknown as NotificationRequest;
        payload = { ...request, dedupeKey: request.dedupeKey ?? letter.jobId } as unknown as Record<
          string,
          unknown
        >;
      }
      const eventId = await this.outbox.publish(em, letter.jobName, payload as never);
      await em.query(`UPDATE dead_letters SET replay_job_id = $2 WHERE id = $1`, [id, eventId]);
      letter.replayJobId = eventId;
      return letter;
    });
  }
}
