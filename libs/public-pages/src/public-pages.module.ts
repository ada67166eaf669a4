import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@tandem/consultations';
import { GoodIdeasModule } from '@tandem/good-ideas';
import { MeasuringModule } from '@tandem/indicators';
import { ProgrammesModule } from '@tandem/programmes';
import { TerritoryPageService } from './territory-page.service';

/** The public pages' read model (issue 20): owns no table, never writes. */
@Module({
  imports: [ConsultationsModule, GoodIdeasModule, MeasuringModule, ProgrammesModule],
  providers: [TerritoryPageService],
  exports: [TerritoryPageService, ConsultationsModule, GoodIdeasModule],
})
export class PublicPagesModule {}
