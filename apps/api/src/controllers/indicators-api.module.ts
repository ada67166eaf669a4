import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@tandem/programmes';

/** HTTP routes of indicators, reporting periods and the programme dashboard. */
@Module({ imports: [IndicatorsModule], controllers: [] })
export class IndicatorsApiModule {}
