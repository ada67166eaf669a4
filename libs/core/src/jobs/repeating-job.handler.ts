import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, JobPayload } from './job.registry';
import { JobQueueService } from './job-queue.service';

/** The jobs only a job scheduler fires: they carry no payload. */
export type RepeatingJob = {
  [J in JobName]: JobPayload<J> extends Record<string, never> ? J : never;
}[JobName];

/** Which scheduler fires which job, how often. */
export interface Repetition {
  /** Fixed: however many worker replicas call `schedule()` at boot, there is one scheduler. */
  schedulerId: string;
  job: RepeatingJob;
  everyMs: number;
}

/**
 * The base of a handler run on a timer rather than by an event (the digest tick, report expiry,
 * the check-in sweep): the worker calls `schedule()` at boot, which upserts the one job scheduler
 * (a changed interval moves it, a second replica finds it there). Subclasses add the
 * `@JobHandler` of the repeating job and log through `logger`, named after them.
 */
export abstract class RepeatingJobHandler {
  protected readonly logger = new Logger(this.constructor.name);

  protected constructor(
    protected readonly jobs: JobQueueService,
    private readonly repetition: Repetition,
  ) {}

  /** Called by the worker at boot: (re)creates the one scheduler. */
  async schedule(): Promise<void> {
    const { schedulerId, job, everyMs } = this.repetition;
    await this.jobs.upsertScheduler(schedulerId, job, {}, { every: everyMs });
  }
}

/** What one batch of a sweep did: how many rows it claimed, how many of them it told anyone about. */
export interface SweepBatch {
  claimed: number;
  sent: number;
}

/**
 * Runs a sweep's `batch` (claim up to `size` rows, act on them) in one transaction after another
 * until a claim comes back short: a backlog is many short transactions, not one long one, and a crash
 * leaves each batch done or untouched. The sum of what the batches sent.
 */
export async function inSweepBatches(
  dataSource: DataSource,
  size: number,
  batch: (em: EntityManager) => Promise<SweepBatch>,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const done = await dataSource.transaction(batch);
    sent += done.sent;
    if (done.claimed < size) return sent;
  }
}
