import { Module } from '@nestjs/common';
import { MeasuringModule } from '@tandem/indicators';
import { IndicatorFrameworksController } from './indicator-frameworks.controller';
import { QuestionBankController } from './question-bank.controller';
import { TerritoriesController } from './territories.controller';

/** HTTP routes of measuring integration: frameworks, territories, observations, profiles, coherence, question bank. */
@Module({
  imports: [MeasuringModule],
  controllers: [IndicatorFrameworksController, TerritoriesController, QuestionBankController],
})
export class TerritoriesApiModule {}
