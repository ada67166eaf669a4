import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { ProgrammesModule } from '../programmes.module';
import { IndicatorValuesRepository } from './indicator-values.repository';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { PeriodLocksService } from './period-locks.service';

/** Indicators, their values per period, reporting-period locks (the dashboard is in libs/dashboard). */
@Module({
  imports: [AuthModule, ProgrammesModule],
  providers: [
    IndicatorValuesRepository,
    IndicatorsRepository,
    IndicatorsService,
    IndicatorValuesService,
    PeriodLocksService,
  ],
  exports: [IndicatorsService, IndicatorValuesService, PeriodLocksService],
})
export class IndicatorsModule {}
