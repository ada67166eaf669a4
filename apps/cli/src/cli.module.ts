import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { AppConfig, CoreModule, JobsModule } from '@tandem/core';
import { DatabaseModule } from '@tandem/database';
import { GoodIdeasModule } from '@tandem/good-ideas';
import { StakeholdersModule } from '@tandem/stakeholders';
import { MeasuringModule } from '@tandem/indicators';
import { IndicatorsModule, ProgrammesModule } from '@tandem/programmes';
import { ReportingModule } from '@tandem/reporting';
import { TasksModule } from '@tandem/tasks';

/**
 * One-off commands (seed, bootstrap-admin) through the same services as the api, audit rows included.
 * JobsModule: the notification handlers the auth module brings in need the job façade to resolve (the
 * commands enqueue nothing themselves; their events go through the outbox).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule,
        JobsModule,
        AuditModule,
        AuthModule,
        StakeholdersModule,
        GoodIdeasModule,
        // The measuring demo (seed/measuring.seed.ts) goes through the programmes' own services.
        ProgrammesModule,
        IndicatorsModule,
        MeasuringModule,
        // The living demo city (seed/demo-city*.seed.ts): tasks, and through reporting the
        // consultations and placements libraries.
        TasksModule,
        ReportingModule,
      ],
    };
  }
}
