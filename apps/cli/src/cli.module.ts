import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@tandem/audit';
import { AuthModule } from '@tandem/auth';
import { AppConfig, CoreModule } from '@tandem/core';
import { DatabaseModule } from '@tandem/database';
import { StakeholdersModule } from '@tandem/stakeholders';

/** One-off commands (seed, bootstrap-admin) through the same services as the api, audit rows included. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(config), DatabaseModule, AuditModule, AuthModule, StakeholdersModule],
    };
  }
}
