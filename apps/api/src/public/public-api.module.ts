import { Module } from '@nestjs/common';
import { PublicPagesModule } from '@tandem/public-pages';
import { PublicConsultationsController } from './public-consultations.controller';
import { PublicTerritoriesController } from './public-territories.controller';

/** Public pages (issue 20): outcomes made public and territory pages, readable without signing in. */
@Module({
  imports: [PublicPagesModule],
  controllers: [PublicConsultationsController, PublicTerritoriesController],
})
export class PublicApiModule {}
