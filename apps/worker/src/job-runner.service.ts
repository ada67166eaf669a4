import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import {
  AppConfig,
  createRedis,
  isDatabaseUnavailable,
  isJobName,
  JOB_OUTCOME_KEY,
  JOB_HANDLER,
  JobMeta,
  JobName,
  JobQueueService,
  QueueName,
} from '@tandem/core';
import { DeadLettersService } from '@tandem/notifications';
import { DelayedError, Job, Worker } from 'bullmq';
import IORedis from 'ioredis';

type Handler = (payload: unknown, meta: JobMeta) => Promise<void>;

/** How long a job waits when PostgreSQL was unreachable (no attempt is used up). */
const INFRASTRUCTURE_RETRY_MS = 3000;

/**
 * Finds every @JobHandler at boot (refusing to start if a job has none, or two), and runs one
 * BullMQ worker per queue that dispatches each job to its handler.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<JobName, Handler>();
  private readonly workers: Worker[] = [];
  private connection?: IORedis;
  private readonly databasePort: number;
  /** Aborted on SIGTERM: long handlers checkpoint and return instead of running to the end. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly config: AppConfig,
    private readonly jobs: JobQueueService,
    private readonly deadLetters: DeadLettersService,
  ) {
    this.databasePort = Number(new URL(config.DATABASE_URL).port || 5432);
  }

  discoverHandlers(): Map<JobName, Handler> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = (proto as Record<string, unknown>)[method];
        const name =
          typeof fn === 'function' ? (Reflect.getMetadata(JOB_HANDLER, fn) as string | undefined) : undefined;
        if (!name) continue;
        if (!isJobName(name))
          throw new Error(`@JobHandler('${name}') on ${wrapper.name}.${method}: no such job`);
        if (this.handlers.has(name)) throw new Error(`job ${name} has two handlers`);
        this.handlers.set(name, (fn as Handler).bind(instance));
      }
    }
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    return this.handlers;
  }

  onApplicationBootstrap(): void {
    this.discoverHandlers();
    this.connection = createRedis(this.config.REDIS_URL, 'worker');
    this.connection.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job, token) => this.run(job, token), {
        connection: this.connection,
        concurrency: this.config.WORKER_CONCURRENCY,
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.JOB_LOCK_MS,
        maxStalledCount: 2,
        autorun: true,
      });
      worker.on('error', (err) => this.logger.warn(`worker ${queue}: ${err.message}`));
      worker.on('completed', (job) => void this.count(queue, 'completed', job));
      worker.on('failed', (job, err) => {
        const final = job && job.attemptsMade >= (job.opts.attempts ?? 1);
        this.logger.warn({
          msg: final ? 'job failed for good' : 'job failed; will retry',
          queue,
          job: job?.name,
          jobId: job?.id,
          err: err.message,
        });
        void this.count(queue, final ? 'failed' : 'retried', job);
        // Also here, not only in run(): a job failed by BullMQ itself (stalled too often) lands here only.
        if (final && job) void this.deadLetter(queue, job, err).catch(() => undefined);
      });
      this.workers.push(worker);
    }
    this.logger.log(`processing queues: ${Object.values(QueueName).join(', ')}`);
  }

  private async run(job: Job, token?: string): Promise<void> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    const attempt = job.attemptsMade + 1;
    try {
      await handler(job.data, {
        jobId: String(job.id),
        attempt,
        name: job.name,
        stopping: this.stopping.signal,
      });
    } catch (err) {
      // PostgreSQL unreachable: not the job's fault. Put it back for a few seconds without using
      // up an attempt, so an outage of any length ends in work done, not in dead letters. (SMTP or
      // webhook receivers refusing keep their own retry policy.)
      if (token && isDatabaseUnavailable(err, this.databasePort)) {
        const postponed = await job
          .moveToDelayed(Date.now() + INFRASTRUCTURE_RETRY_MS, token)
          .then(() => true)
          .catch(() => false);
        if (postponed) {
          this.logger.warn({ msg: 'dependency unavailable; job postponed', job: job.name, jobId: job.id });
          throw new DelayedError();
        }
      }
      // Recorded before the job is failed, so a dead letter is not lost to a crash right after.
      if (attempt >= (job.opts.attempts ?? 1)) await this.deadLetter(job.queueName, job, err as Error);
      throw err;
    }
  }

  private async deadLetter(queue: string, job: Job, err: Error): Promise<void> {
    await this.deadLetters.record({
      queue,
      name: job.name,
      id: String(job.id),
      data: job.data,
      error: err.message,
      attempts: Math.max(job.attemptsMade, job.opts.attempts ?? 1),
    });
  }

  private async count(queue: string, outcome: string, _job?: Job): Promise<void> {
    await this.jobs.redis.hincrby(JOB_OUTCOME_KEY(queue), outcome, 1).catch(() => undefined);
  }

  /**
   * SIGTERM, first phase (before the database and the queues close): stop taking jobs, tell the
   * running ones to checkpoint (an e-mail batch sends what is in flight, records it and hands the
   * rest back as a new job), and wait for them. Their locks are released as they complete, so
   * nothing waits for a lock to expire.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    const active = this.workers.length;
    await Promise.allSettled(this.workers.map((w) => w.close()));
    if (active) this.logger.log('job runner stopped: no job left active');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
  }
}
