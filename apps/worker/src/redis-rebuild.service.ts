import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueueService } from '@tandem/core';
import { RebuildSource, RedisRebuildRepository } from './redis-rebuild.repository';

/** Present while Redis holds Tandem's jobs; gone when Redis is new, flushed or restored empty. */
export const REDIS_STATE_KEY = 'tandem:redis-state';

/**
 * For each kind of time-based work kept as delayed jobs or job schedulers in Redis: the
 * "(re)schedule" job that rebuilds them from a row, and the rows that may still have some pending.
 * The handlers re-read the row and decide (they are the same ones a change of date runs), so
 * these predicates only need to be generous, not exact. Retention check-ins and task reminders are not
 * here: their dates live in rows (`retention_checks`, `tasks`) and their sweeps' job schedulers are
 * upserted at every start.
 */
export const REBUILDS: RebuildSource[] = [
  {
    job: JobName.ConsultationTimers,
    key: 'consultationId',
    ids: `SELECT id FROM consultations WHERE status IN ('scheduled', 'open')`,
  },
  {
    job: JobName.ConsultationMeetingTimers,
    key: 'meetingId',
    ids: `SELECT id FROM consultation_meetings WHERE status = 'scheduled' AND starts_at > now()`,
  },
  {
    job: JobName.AgreementReminders,
    key: 'partnerId',
    ids: `SELECT id FROM programme_partners WHERE agreement_expires_on >= current_date
           AND status NOT IN ('declined', 'removed', 'left')`,
  },
  { job: JobName.ReportScheduleSync, key: 'scheduleId', ids: `SELECT id FROM report_schedules` },
];

/**
 * Redis holds only what PostgreSQL can re-create. Events not yet relayed are rows (the relay sends
 * them whatever Redis remembers); the digest tick and report expiry schedulers are upserted at every
 * start (WorkerSchedules), and so are the check-in and task reminder sweeps (their dates are rows
 * they find by themselves); what remains is the delayed work of rows: consultation
 * open/close/closing reminders, meeting reminders, agreement reminders and report schedules' job
 * schedulers. When a worker starts and finds Redis without the marker key (a
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
