import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { ConsultationsModule } from '@tandem/consultations';
import { GoodIdeasModule } from '@tandem/good-ideas';
import { NotificationsModule } from '@tandem/notifications';
import { PlacementsModule } from '@tandem/placements';
import { DashboardModule } from '@tandem/dashboard';
import { MeasuringModule } from '@tandem/indicators';
import { IndicatorsModule, ProgrammesModule } from '@tandem/programmes';
import { StakeholdersModule } from '@tandem/stakeholders';
import { ReportBuildHandler } from './report-build.handler';
import { ReportExpiryHandler } from './report-expiry.handler';
import { ReportScheduleHandlers } from './report-schedule.handlers';
import { ReportSchedulesRepository } from './report-schedules.repository';
import { ReportSchedulesService } from './report-schedules.service';
import { ReportSources } from './report-sources.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ConsultationSource } from './sources/consultation.source';
import { CoverageSource } from './sources/coverage.source';
import { GoodIdeasSource } from './sources/good-ideas.source';
import { IatiActivitiesSource } from './sources/iati-activities.source';
import { PartnershipMatrixSource } from './sources/partnership-matrix.source';
import { PlacementsSource } from './sources/placements.source';
import { ProgrammeProgressSource } from './sources/programme-progress.source';
import { CoherenceSource } from './sources/coherence.source';
import { TerritoryComparisonSource } from './sources/territory-comparison.source';
import { LocalReportStorage, ReportStorage } from './storage/report-storage';

/** Reports built in the background, their storage and retention, and scheduled reports. */
@Module({
  imports: [
    AuthModule,
    NotificationsModule,
    ProgrammesModule,
    IndicatorsModule,
    DashboardModule,
    PlacementsModule,
    ConsultationsModule,
    GoodIdeasModule,
    MeasuringModule,
    StakeholdersModule,
  ],
  providers: [
    { provide: ReportStorage, useClass: LocalReportStorage },
    ReportsRepository,
    ReportSchedulesRepository,
    ProgrammeProgressSource,
    PlacementsSource,
    ConsultationSource,
    PartnershipMatrixSource,
    CoverageSource,
    IatiActivitiesSource,
    GoodIdeasSource,
    TerritoryComparisonSource,
    CoherenceSource,
    ReportSources,
    ReportsService,
    ReportSchedulesService,
    ReportBuildHandler,
    ReportScheduleHandlers,
    ReportExpiryHandler,
  ],
  exports: [ReportStorage, ReportSources, ReportsService, ReportSchedulesService, ReportExpiryHandler],
})
export class ReportingModule {}
