import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@tandem/consultations';
import { ConsultationsController } from './consultations.controller';

/** HTTP routes of the consultations domain. */
@Module({ imports: [ConsultationsModule], controllers: [ConsultationsController] })
export class ConsultationsApiModule {}
