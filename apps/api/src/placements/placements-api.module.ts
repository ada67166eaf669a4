import { Module } from '@nestjs/common';
import { PlacementsModule } from '@tandem/placements';
import { CheckInsController } from './check-ins.controller';
import { ClassificationsController } from './classifications.controller';
import { ParticipantsController } from './participants.controller';
import { PlacementImportsController } from './placement-imports.controller';
import { PlacementsBreakGlassController } from './placements-break-glass.controller';
import { PlacementsController } from './placements.controller';

/** HTTP routes of the placements domain. */
@Module({
  imports: [PlacementsModule],
  controllers: [
    ParticipantsController,
    PlacementImportsController,
    PlacementsController,
    CheckInsController,
    PlacementsBreakGlassController,
    ClassificationsController,
  ],
})
export class PlacementsApiModule {}
