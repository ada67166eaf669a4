import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { ProgrammesModule } from '../programmes.module';

/** Indicators, their values per period, reporting-period locks, and the programme dashboard. */
@Module({
  imports: [AuthModule, ProgrammesModule],
  providers: [],
  exports: [],
})
export class IndicatorsModule {}
