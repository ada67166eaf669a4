import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConsultationTimerSweep } from '@tandem/consultations';
import { DigestHandlers } from '@tandem/notifications';
import { RetentionCheckHandlers } from '@tandem/placements';
import { AgreementReminderSweep } from '@tandem/programmes';
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
    private readonly consultationTimers: ConsultationTimerSweep,
    private readonly agreementReminders: AgreementReminderSweep,
  ) {}

  onApplicationBootstrap(): void {
    this.keepTrying('digest tick', () => this.digests.schedule());
    this.keepTrying('report expiry', () => this.reportExpiry.schedule());
    this.keepTrying('check-in sweep', () => this.checkIns.scheduleSweep());
    this.keepTrying('task reminder sweep', () => this.taskReminders.schedule());
    this.keepTrying('consultation timer sweep', () => this.consultationTimers.schedule());
    this.keepTrying('agreement reminder sweep', () => this.agreementReminders.schedule());
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
