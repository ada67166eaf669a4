import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { ProgrammesModule } from '../programmes.module';
import { DashboardService } from './dashboard.service';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsService } from './indicators.service';
import { PeriodLocksService } from './period-locks.service';

/** Indicators, their values per period, reporting-period locks, and the programme dashboard. */
@Module({
  imports: [AuthModule, ProgrammesModule],
  providers: [
    IndicatorValuesRepository,
    IndicatorsService,
    IndicatorValuesService,
    PeriodLocksService,
    DashboardService,
  ],
  exports: [IndicatorsService, IndicatorValuesService, PeriodLocksService, DashboardService],
})
export class IndicatorsModule {}
