import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  AppConfig,
  contextFrom,
  isJobName,
  JobName,
  JobPayload,
  JobQueueService,
  OutboxListener,
  OutboxRepository,
  PendingEvent,
  SpanKind,
  withSpan,
} from '@tandem/core';
import { EntityManager } from 'typeorm';

const BATCH = 200;

/**
 * Moves committed outbox events into BullMQ. Woken by LISTEN/NOTIFY, with polling as a fallback.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of worker replicas share the work;
 * the job id is the event id, so an event enqueued twice (crash after add, before commit) is one job.
 * While Redis is down events stay pending with a growing back-off: delayed, never lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: OutboxListener;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeRequested = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new OutboxListener({
      connectionString: this.config.DATABASE_URL,
      onNotify: () => this.wake(),
      onConnected: () => this.wake(),
    });
    await this.listener.start();
    this.schedule(0);
  }

  wake(): void {
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err: Error) => this.logger.warn(`outbox relay: ${err.message}`))
        .finally(() => {
          this.running = undefined;
          const again = this.wakeRequested;
          this.wakeRequested = false;
          this.schedule(again ? 0 : this.config.OUTBOX_POLL_MS);
        });
    }, ms);
  }

  /** Relays batches until nothing is due. */
  async drain(): Promise<void> {
    while (!this.stopped && (await this.relayBatch()) === BATCH) {
      // full batch: there may be more
    }
  }

  /** One transaction: claim due events, enqueue each, mark the enqueued ones, back off the rest. */
  async relayBatch(): Promise<number> {
    return this.outbox.transaction(async (em) => {
      const events = await this.outbox.claimDue(em, BATCH);
      const sent: string[] = [];
      for (const event of events) {
        if (!isJobName(event.type)) {
          this.logger.error({ msg: 'outbox event of unknown type; parked', id: event.id, type: event.type });
          await this.backOff(em, event, `unknown job type ${event.type}`, 24 * 3600_000);
          continue;
        }
        try {
          // Tracing: a span under the request that wrote the event; enqueue() hands it to the job.
          await withSpan(
            `outbox.relay ${event.type}`,
            () => this.jobs.enqueue(event.type as JobName, event.payload as JobPayload<JobName>, event.id),
            {
              kind: SpanKind.PRODUCER,
              parent: contextFrom(event.trace_context),
              attributes: { 'tandem.outbox.event_id': event.id, 'messaging.destination.name': event.type },
            },
          );
          sent.push(event.id);
        } catch (err) {
          // Redis unreachable: keep this and the rest for later, in order.
          const message = (err as Error).message;
          for (const rest of events.slice(events.indexOf(event))) {
            if (isJobName(rest.type)) await this.backOff(em, rest, message);
          }
          this.logger.warn(`outbox relay paused: ${message}`);
          break;
        }
      }
      await this.outbox.markDispatched(em, sent);
      return sent.length === events.length ? events.length : 0;
    });
  }

  private async backOff(
    em: EntityManager,
    event: PendingEvent,
    error: string,
    fixedMs?: number,
  ): Promise<void> {
    const ms = fixedMs ?? Math.min(500 * 2 ** Math.min(event.attempts, 10), 5_000);
    await this.outbox.backOff(em, event.id, error, ms);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.listener?.stop();
  }
}
