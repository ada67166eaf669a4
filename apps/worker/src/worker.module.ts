import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { ConsultationsModule } from '@tandem/consultations';
import { AppConfig, CoreModule, JobsModule, LoggingModule, TracingShutdown } from '@tandem/core';
import { DatabaseModule } from '@tandem/database';
import { NotificationsModule } from '@tandem/notifications';
import { PlacementsModule } from '@tandem/placements';
import { ProgrammesModule } from '@tandem/programmes';
import { ReportingModule } from '@tandem/reporting';
import { TasksModule } from '@tandem/tasks';
import { JobRunner } from './job-runner.service';
import { OutboxRelay } from './outbox-relay.service';
import { RedisRebuildRepository } from './redis-rebuild.repository';
import { RedisRebuild } from './redis-rebuild.service';
import { WorkerSchedules } from './worker-schedules.service';

/** The worker: the outbox relay and the job processors. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        LoggingModule.forRoot(config, { http: false }),
        DatabaseModule,
        JobsModule,
        AuditModule,
        DiscoveryModule,
        NotificationsModule,
        AuthModule,
        ProgrammesModule,
        TasksModule,
        ConsultationsModule,
        PlacementsModule,
        ReportingModule,
      ],
      providers: [
        JobRunner,
        OutboxRelay,
        WorkerSchedules,
        TracingShutdown,
        RedisRebuild,
        RedisRebuildRepository,
      ],
    };
  }
}
