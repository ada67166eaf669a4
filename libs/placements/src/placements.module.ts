import { Module } from '@nestjs/common';
import { StakeholdersModule } from '@tandem/stakeholders';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { ParticipantsService } from './participants.service';
import { PlacementAccessService } from './placement-access.service';
import { PlacementImportHandler } from './placement-import.handler';
import { PlacementImportsService } from './placement-imports.service';
import { PlacementStatsService } from './placement-stats.service';
import { PlacementsService } from './placements.service';
import { RetentionCheckHandlers } from './retention-check.handlers';
import { RetentionChecksService } from './retention-checks.service';

/** Pseudonymous participants, their job placements, retention check-ins and statistics. */
@Module({
  imports: [AuthModule, NotificationsModule, ProgrammesModule, StakeholdersModule],
  providers: [
    PlacementAccessService,
    ParticipantsService,
    PlacementsService,
    RetentionChecksService,
    PlacementStatsService,
    RetentionCheckHandlers,
    PlacementImportsService,
    PlacementImportHandler,
  ],
  exports: [
    PlacementAccessService,
    ParticipantsService,
    PlacementsService,
    RetentionChecksService,
    PlacementStatsService,
    RetentionCheckHandlers,
    PlacementImportsService,
    PlacementImportHandler,
  ],
})
export class PlacementsModule {}
