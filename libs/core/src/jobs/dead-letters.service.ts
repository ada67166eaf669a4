import { Injectable, Logger } from '@nestjs/common';
import { TransactionService } from '../database/transaction.service';
import { CoreError } from '../errors/domain-error';
import { OutboxService } from '../outbox/outbox.service';
import { Page, PageQueryDto } from '../pagination/page';
import { DeadLetter } from './dead-letter.entity';
import { DeadLettersRepository, FailedJob } from './dead-letters.repository';
import { isJobName, JobName, NotificationRequest } from './job.registry';
import { JobsError, JobsErrorCode } from './jobs.errors';

/** Who is asking: only platform admins see dead letters (any actor fits). */
export interface DeadLetterReader {
  userId: string;
  platformRole: string;
}

export type { FailedJob };

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
    private readonly tx: TransactionService,
    private readonly deadLetters: DeadLettersRepository,
    private readonly outbox: OutboxService,
  ) {}

  async record(job: FailedJob): Promise<void> {
    await this.deadLetters.insert(job);
    this.logger.warn({ msg: 'job dead-lettered', queue: job.queue, job: job.name, jobId: job.id });
  }

  private assertAdmin(actor: DeadLetterReader): void {
    if (actor.platformRole !== 'admin') throw CoreError.forbidden('Only platform admins see dead letters');
  }

  list(
    actor: DeadLetterReader,
    query: PageQueryDto & { queue?: string; replayed?: boolean },
  ): Promise<Page<DeadLetter>> {
    this.assertAdmin(actor);
    return this.deadLetters.list(query);
  }

  async replay(actor: DeadLetterReader, id: string): Promise<DeadLetter> {
    this.assertAdmin(actor);
    return this.tx.run(async (em) => {
      const claimed = await this.deadLetters.claimReplay(em, id, actor.userId);
      const letter = await this.deadLetters.findById(em, id);
      if (!letter) throw CoreError.notFound('Dead letter');
      if (!claimed)
        throw new JobsError(
          JobsErrorCode.DeadLetterAlreadyReplayed,
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
      await this.deadLetters.setReplayJobId(em, id, eventId);
      letter.replayJobId = eventId;
      return letter;
    });
  }
}
