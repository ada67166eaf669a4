import { Module } from '@nestjs/common';
import { RetentionEvidenceReader } from './retention-evidence.reader';
import { StakeholdersModule } from '@tandem/stakeholders';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { CheckInsRepository } from './check-ins.repository';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService } from './participants.service';
import { PlacementAccessService } from './placement-access.service';
import { PlacementImportHandler } from './placement-import.handler';
import { PlacementImportsRepository } from './placement-imports.repository';
import { PlacementImportStagingRepository } from './placement-import-staging.repository';
import { PlacementImportsService } from './placement-imports.service';
import { PlacementStatsService } from './placement-stats.service';
import { PlacementsBreakGlassService } from './placements-break-glass.service';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';
import { RetentionCheckHandlers } from './retention-check.handlers';
import { RetentionChecksService } from './retention-checks.service';
import { DueCheckInsRepository } from './due-check-ins.repository';
import { DueCheckInsService } from './due-check-ins.service';
import { PlacementEditsService } from './placement-edits.service';
import { PlacementRegistrationService } from './placement-registration.service';

/** What the library offers the others (and the apps); each is also one of its providers. */
const EXPORTED = [
  RetentionEvidenceReader,
  PlacementAccessService,
  PlacementsRepository,
  ParticipantsService,
  PlacementsService,
  RetentionChecksService,
  PlacementStatsService,
  RetentionCheckHandlers,
  PlacementImportsService,
  PlacementImportHandler,
  PlacementsBreakGlassService,
  DueCheckInsService,
  PlacementEditsService,
  PlacementRegistrationService,
];

/** Pseudonymous participants, their job placements, retention check-ins and statistics. */
@Module({
  imports: [AuthModule, NotificationsModule, ProgrammesModule, StakeholdersModule],
  providers: [
    ...EXPORTED,
    ParticipantsRepository,
    CheckInsRepository,
    PlacementImportsRepository,
    PlacementImportStagingRepository,
    DueCheckInsRepository,
  ],
  exports: EXPORTED,
})
export class PlacementsModule {}
