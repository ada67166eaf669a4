import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DigestHandlers } from '@tandem/notifications';

/** Repeating jobs. Fixed scheduler ids: each replica upserts the same schedule, so it runs once. */
@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedules.name);

  constructor(private readonly digests: DigestHandlers) {}

  async onApplicationBootstrap(): Promise<void> {
    // Redis down at boot must not stop the worker: the tick is retried in the background.
    const attempt = (): void =>
      void this.digests.schedule().catch((err: Error) => {
        this.logger.warn(`digest schedule not set yet (${err.message}); retrying`);
        setTimeout(attempt, 5000).unref();
      });
    attempt();
  }
}
