import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobQueueService, QueueName } from '@tandem/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Counters the worker keeps in Redis, so every replica's job outcomes add up (see worker JobRunner). */
export const JOB_OUTCOME_KEY = (queue: string) => `tandem:metrics:jobs:${queue}`;

const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([
    p.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref()),
  ]);

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
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'tandem_' });
    const jobs = this.jobs;
    const dataSource = this.dataSource;
    new Gauge({
      name: 'tandem_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed); absent while Redis is unreachable',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const name of Object.values(QueueName)) {
          const counts = await withTimeout(
            jobs.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
            1000,
            null,
          );
          if (!counts) continue;
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
        }
      },
    });
    new Gauge({
      name: 'tandem_job_outcomes_total',
      help: 'Jobs finished by each queue since it was created, by outcome (completed, failed, retried)',
      labelNames: ['queue', 'outcome'] as const,
      registers: [this.registry],
      async collect() {
        for (const name of Object.values(QueueName)) {
          const counts = await withTimeout(jobs.redis.hgetall(JOB_OUTCOME_KEY(name)), 1000, null);
          if (!counts) continue;
          for (const [outcome, n] of Object.entries(counts)) this.set({ queue: name, outcome }, Number(n));
        }
      },
    });
    new Gauge({
      name: 'tandem_outbox_pending_events',
      help: 'Outbox events not yet handed to Redis (grows while Redis is down)',
      registers: [this.registry],
      async collect() {
        const rows = await withTimeout<{ n: string }[]>(
          dataSource.query(`SELECT count(*)::text AS n FROM outbox_events WHERE dispatched_at IS NULL`),
          1000,
          [],
        );
        if (rows[0]) this.set(Number(rows[0].n));
      },
    });
  }
}
