import { Module } from '@nestjs/common';
import { DashboardModule } from '@tandem/dashboard';
import { IndicatorsModule } from '@tandem/programmes';
import { DashboardController } from './dashboard.controller';
import { PeriodLocksController } from './indicators-period-locks.controller';
import { IndicatorsController } from './indicators.controller';

/** HTTP routes of indicators, reporting periods and the programme dashboard. */
@Module({
  imports: [IndicatorsModule, DashboardModule],
  controllers: [IndicatorsController, PeriodLocksController, DashboardController],
})
export class IndicatorsApiModule {}
