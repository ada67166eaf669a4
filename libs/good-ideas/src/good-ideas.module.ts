import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@tandem/consultations';
import { PlacementsModule } from '@tandem/placements';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { TasksModule } from '@tandem/tasks';
import { GoodIdeaAccessService } from './good-idea-access.service';
import { GoodIdeaCuratorsService } from './good-idea-curators.service';
import { GoodIdeaEvidenceService } from './good-idea-evidence.service';
import { GoodIdeaTravelService } from './good-idea-travel.service';
import { GoodIdeasRepository } from './good-ideas.repository';
import { GoodIdeasService } from './good-ideas.service';
import { PublicGoodIdeasService } from './public-good-ideas.service';

/** Good ideas: the catalogue of practices, their review on four criteria, endorsements and adaptations. */
@Module({
  imports: [
    AuthModule,
    ConsultationsModule,
    NotificationsModule,
    PlacementsModule,
    ProgrammesModule,
    TasksModule,
  ],
  providers: [
    GoodIdeasRepository,
    GoodIdeaAccessService,
    GoodIdeaEvidenceService,
    GoodIdeasService,
    GoodIdeaTravelService,
    PublicGoodIdeasService,
    GoodIdeaCuratorsService,
  ],
  exports: [
    GoodIdeasService,
    GoodIdeaTravelService,
    PublicGoodIdeasService,
    GoodIdeaCuratorsService,
    GoodIdeasRepository,
  ],
})
export class GoodIdeasModule {}
