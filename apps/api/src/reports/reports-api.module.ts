import { Module } from '@nestjs/common';
import { ReportingModule } from '@tandem/reporting';
import { ReportSchedulesController } from './report-schedules.controller';
import { ReportsController } from './reports.controller';

/** HTTP routes of reporting. */
@Module({
  imports: [ReportingModule],
  controllers: [ReportsController, ReportSchedulesController],
})
export class ReportsApiModule {}
