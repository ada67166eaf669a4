import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@tandem/consultations';
import { ConsultationMeetingsController } from './consultation-meetings.controller';
import { ConsultationsController } from './consultations.controller';

/** HTTP routes of the consultations domain. */
@Module({
  imports: [ConsultationsModule],
  controllers: [ConsultationsController, ConsultationMeetingsController],
})
export class ConsultationsApiModule {}
