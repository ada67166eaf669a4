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

const EXPORTED = [
  GoodIdeasRepository,
  GoodIdeasService,
  GoodIdeaTravelService,
  PublicGoodIdeasService,
  GoodIdeaCuratorsService,
];

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
  providers: [GoodIdeaAccessService, GoodIdeaEvidenceService, ...EXPORTED],
  exports: EXPORTED,
})
export class GoodIdeasModule {}
