import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  JOB_OUTCOME_KEY,
  JobQueueService,
  OutboxRepository,
  QueueName,
  ReadCache,
  withTimeout,
} from '@tandem/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A scrape never waits on a dependency that is down: that series is just absent (or the fallback). */
const orElse = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  withTimeout(p, ms).catch(() => fallback);

@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'tandem_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'tandem_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    private readonly jobs: JobQueueService,
    private readonly outbox: OutboxRepository,
    private readonly readCache: ReadCache,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'tandem_' });
    const jobs = this.jobs;
    const outbox = this.outbox;
    this.perQueueGauge(
      'tandem_queue_jobs',
      'Jobs in each queue by state (waiting, active, delayed, failed); absent while Redis is unreachable',
      'state',
      (queue) =>
        orElse(
          jobs.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
          1000,
          null,
        ),
    );
    this.perQueueGauge(
      'tandem_job_outcomes_total',
      'Jobs finished by each queue since it was created, by outcome (completed, failed, retried)',
      'outcome',
      (queue) => orElse(jobs.redis.hgetall(JOB_OUTCOME_KEY(queue)), 1000, null),
    );
    new Gauge({
      name: 'tandem_outbox_pending_events',
      help: 'Outbox events not yet handed to Redis (grows while Redis is down)',
      registers: [this.registry],
      async collect() {
        const pending = await orElse<number | null>(outbox.pendingCount(), 1000, null);
        if (pending !== null) this.set(pending);
      },
    });
    const readCache = this.readCache;
    new Gauge({
      name: 'tandem_read_cache_lookups',
      help: 'Cached reads (GET /me/tasks, dashboard) answered since start: hit, shared (joined a concurrent render of the same key), miss, or bypass (cache not live)',
      labelNames: ['result'],
      registers: [this.registry],
      collect() {
        this.set({ result: 'hit' }, readCache.hits);
        this.set({ result: 'shared' }, readCache.shared);
        this.set({ result: 'miss' }, readCache.misses);
        this.set({ result: 'bypass' }, readCache.bypasses);
      },
    });
  }

  /** A gauge with one series per queue and `label` value, read at scrape time (absent when `read` gives null). */
  private perQueueGauge(
    name: string,
    help: string,
    label: string,
    read: (queue: QueueName) => Promise<Record<string, number | string> | null>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames: ['queue', label],
      registers: [this.registry],
      async collect() {
        for (const queue of Object.values(QueueName)) {
          const counts = await read(queue);
          if (!counts) continue;
          for (const [value, n] of Object.entries(counts)) this.set({ queue, [label]: value }, Number(n));
        }
      },
    });
  }
}
