import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueueService } from '@tandem/core';
import { RebuildSource, RedisRebuildRepository } from './redis-rebuild.repository';

/** Present while Redis holds Tandem's jobs; gone when Redis is new, flushed or restored empty. */
export const REDIS_STATE_KEY = 'tandem:redis-state';

/**
 * For each kind of time-based work kept as job schedulers in Redis: the "(re)schedule" job that
 * rebuilds them from a row, and the rows that may still have some pending. The handlers re-read the
 * row and decide (they are the same ones a change runs), so these predicates only need to be
 * generous, not exact. Retention check-ins, task reminders, consultation opening, closing and
 * reminders, meeting reminders and agreement reminders are not here: their dates live in rows
 * (`retention_checks`, `tasks`, `consultations`, `consultation_meetings`, `programme_partners`) and
 * their sweeps' job schedulers are upserted at every start.
 */
export const REBUILDS: RebuildSource[] = [
  { job: JobName.ReportScheduleSync, key: 'scheduleId', ids: `SELECT id FROM report_schedules` },
];

/**
 * Redis holds only what PostgreSQL can re-create. Events not yet relayed are rows (the relay sends
 * them whatever Redis remembers); the digest tick and report expiry schedulers are upserted at every
 * start (WorkerSchedules), and so are the sweeps of check-ins, task reminders, consultation timers
 * and agreement reminders (their dates are rows they find by themselves); what remains is report
 * schedules' job schedulers. When a worker starts and finds Redis without the marker key (a
 * new or flushed Redis, or a database restored from a backup next to an empty one), it writes one
 * "(re)schedule" outbox event per row that may have such work, in one transaction, and sets the
 * marker. The relay turns them into jobs as usual; the handlers use deterministic job ids, so two
 * replicas doing this at once, or a crash before the marker is set, only repeat idempotent work.
 */
@Injectable()
export class RedisRebuild implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisRebuild.name);

  constructor(
    private readonly repository: RedisRebuildRepository,
    private readonly jobs: JobQueueService,
  ) {}

  onApplicationBootstrap(): void {
    const attempt = (): void =>
      void this.rebuildIfEmpty().catch((err: Error) => {
        this.logger.warn(`redis rebuild check failed (${err.message}); retrying`);
        setTimeout(attempt, 5000).unref();
      });
    attempt();
  }

  /** Returns how many "(re)schedule" events were written (0 when Redis already had its state). */
  async rebuildIfEmpty(): Promise<number> {
    if (await this.jobs.redis.exists(REDIS_STATE_KEY)) return 0;
    const counts = await this.repository.writeRebuildEvents(REBUILDS);
    await this.jobs.redis.set(REDIS_STATE_KEY, new Date().toISOString());
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    this.logger.log({
      msg: 'redis had no Tandem state: time-based work rebuilt from PostgreSQL',
      total,
      ...counts,
    });
    return total;
  }
}
