import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { ConsultationsModule } from '@tandem/consultations';
import { ProgrammesModule } from '@tandem/programmes';
import { CatalogueService } from './catalogue.service';
import { CoherenceService } from './coherence.service';
import { ComparisonService } from './comparison.service';
import { MeasuringAccessService } from './measuring-access.service';
import { MeasuringRepository } from './measuring.repository';
import { ObservationsService } from './observations.service';
import { ProfileService } from './profile.service';
import { QuestionBankService } from './question-bank.service';
import { TerritoriesService } from './territories.service';

/** What the api's controllers and the reports use; the repository and the access rules stay inside. */
const SERVICES = [
  CatalogueService,
  TerritoriesService,
  ObservationsService,
  ProfileService,
  ComparisonService,
  CoherenceService,
  QuestionBankService,
];

/**
 * Measuring integration (issue 19): the indicator catalogue, territories and their official
 * observations, profiles, comparisons, policy coherence, and the shared consultation question bank.
 */
@Module({
  imports: [AuthModule, ProgrammesModule, ConsultationsModule],
  providers: [MeasuringRepository, MeasuringAccessService, ...SERVICES],
  exports: SERVICES,
})
export class MeasuringModule {}
