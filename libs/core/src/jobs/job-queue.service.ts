import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { captureTraceContext, traceMetadata } from '../telemetry/trace-context';
import { JOB_QUEUE, JobName, JobPayload, QueueName } from './job.registry';
import { createRedis } from './redis';

/** Attempts, backoff and retention for every job; callers never pass BullMQ options. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * BullMQ refuses custom job ids with colons unless they split into exactly three parts (its own
 * `repeat:` ids use that shape). Fail loudly here, where the id is built, rather than in Redis.
 */
export function assertJobId(jobId: string): void {
  const colons = jobId.split(':').length - 1;
  if (colons !== 0 && colons !== 2) {
    throw new Error(`job id "${jobId}" has ${colons} colons: use none or exactly two (prefer dots)`);
  }
}

/** Repeating jobs whose next run does the work of a failed one. */
const NOT_RETRIED: ReadonlySet<JobName> = new Set([
  JobName.DigestTick,
  JobName.CheckInSweep,
  JobName.TaskReminderSweep,
  JobName.ConsultationTimerSweep,
  JobName.AgreementReminderSweep,
]);

/**
 * The one façade through which jobs reach Redis: the outbox relay enqueues events' jobs, and
 * scheduling handlers in the worker enqueue delayed jobs with deterministic ids. Request handlers
 * never call it: they write to the outbox.
 */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {
    this.connection = createRedis(config.REDIS_URL, 'producer');
    this.connection.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      q.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, q);
    }
    return q;
  }

  allQueues(): Queue[] {
    return Object.values(QueueName).map((n) => this.queue(n));
  }

  /** `jobId` is deterministic (the outbox event id), so enqueueing the same event twice adds one job. */
  async enqueue<J extends JobName>(
    name: J,
    payload: JobPayload<J>,
    jobId: string,
    delayMs = 0,
  ): Promise<void> {
    assertJobId(jobId);
    const trace = traceMetadata.encode(captureTraceContext());
    await this.queue(JOB_QUEUE[name]).add(name, payload, {
      ...this.optionsOf(name),
      jobId,
      delay: delayMs > 0 ? delayMs : undefined,
      // Tracing: the enqueuer's trace context, in BullMQ's field meant for it (`telemetry.metadata`);
      // the job runner starts the job's span as its child. Absent when tracing is off.
      ...(trace ? { telemetry: { metadata: trace } } : {}),
    });
  }

  /** Attempts of a job, as the runner must know them to tell a final failure. */
  attemptsOf(name: string): number {
    return (this.optionsOf(name as JobName).attempts ?? DEFAULT_JOB_OPTIONS.attempts)!;
  }

  /**
   * Per-job overrides of the defaults: webhook receivers get their own, configurable backoff; a
   * digest tick or a sweep (check-ins, task reminders, consultation timers, agreement reminders) is
   * not retried (the next one does its work).
   */
  private optionsOf(name: JobName): JobsOptions {
    if (NOT_RETRIED.has(name)) return { attempts: 1 };
    if (name === JobName.WebhookDeliver)
      return {
        attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_BASE_MS },
      };
    return {};
  }

  /**
   * Creates or replaces a job scheduler (a repeating job) with a deterministic id: upserting the same
   * id again moves it, so a schedule edited twice still has one scheduler, and every worker replica
   * upserting the same one at boot still leaves one.
   */
  async upsertScheduler<J extends JobName>(
    schedulerId: string,
    name: J,
    payload: JobPayload<J>,
    repeat: { every: number } | { pattern: string; tz?: string },
  ): Promise<void> {
    assertJobId(schedulerId);
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(schedulerId, repeat, {
      name,
      data: payload,
      opts: this.optionsOf(name),
    });
  }

  /** Removes a job scheduler; true when it existed. */
  async removeScheduler(name: JobName, schedulerId: string): Promise<boolean> {
    return this.queue(JOB_QUEUE[name]).removeJobScheduler(schedulerId);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  get redis(): IORedis {
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
