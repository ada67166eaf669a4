import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@tandem/programmes';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

/** Read models across domains: the programme dashboard (GET /programmes/{id}/dashboard, reports). */
@Module({
  imports: [ProgrammesModule],
  providers: [DashboardRepository, DashboardService],
  exports: [DashboardService],
})
export class DashboardModule {}
