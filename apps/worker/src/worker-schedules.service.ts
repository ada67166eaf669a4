import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DigestHandlers } from '@tandem/notifications';
import { RetentionCheckHandlers } from '@tandem/placements';
import { ReportExpiryHandler } from '@tandem/reporting';
import { TaskReminderSweep } from '@tandem/tasks';

/**
 * Repeating jobs. Fixed scheduler ids: each replica upserts the same schedule, so it runs once.
 * Redis down at boot must not stop the worker: a schedule not set yet is retried in the background.
 */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(
    private readonly digests: DigestHandlers,
    private readonly reportExpiry: ReportExpiryHandler,
    private readonly checkIns: RetentionCheckHandlers,
    private readonly taskReminders: TaskReminderSweep,
  ) {}

  onApplicationBootstrap(): void {
    this.keepTrying('digest tick', () => this.digests.schedule());
    this.keepTrying('report expiry', () => this.reportExpiry.schedule());
    this.keepTrying('check-in sweep', () => this.checkIns.scheduleSweep());
    this.keepTrying('task reminder sweep', () => this.taskReminders.schedule());
  }

  private keepTrying(what: string, schedule: () => Promise<void>): void {
    const attempt = (): void =>
      void schedule().catch((err: Error) => {
        this.logger.warn(`${what} schedule not set yet (${err.message}); retrying`);
        setTimeout(attempt, 5000).unref();
      });
    attempt();
  }
}
