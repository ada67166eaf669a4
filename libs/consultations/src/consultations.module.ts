import { Module } from '@nestjs/common';
import { PublishedOutcomesReader } from './published-outcomes.reader';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ProgrammesModule } from '@tandem/programmes';
import { StakeholdersModule } from '@tandem/stakeholders';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationTimerSweep } from './consultation-timer-sweep.handler';
import { ConsultationTimersRepository } from './consultation-timers.repository';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsService } from './consultations.service';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { OutcomeService } from './outcome.service';
import { QuestionsRepository } from './questions.repository';
import { QuestionsService } from './questions.service';
import { QuestionOrderService } from './question-order.service';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';
import { ResultsService } from './results.service';
import { PublicConsultationsRepository } from './public-consultations.repository';
import { PublicConsultationsService } from './public-consultations.service';
import { PublicOutcomeService } from './public-outcome.service';

/** What other libraries and the apps use (the repositories and internal services stay inside). */
const EXPORTED = [
  PublishedOutcomesReader,
  ConsultationAccessService,
  ConsultationsService,
  QuestionsService,
  QuestionOrderService,
  ResponsesService,
  ResultsService,
  OutcomeService,
  ConsultationTimerSweep,
  MeetingsService,
  PublicConsultationsService,
];

/** Consultations run by government organisations: questions, invitees, responses, results, outcome. */
@Module({
  imports: [AuthModule, NotificationsModule, ProgrammesModule, StakeholdersModule],
  providers: [
    ...EXPORTED,
    ConsultationsRepository,
    QuestionsRepository,
    ResponsesRepository,
    MeetingsRepository,
    ConsultationTimersRepository,
    PublicConsultationsRepository,
    ConsultationLifecycleService,
    PublicOutcomeService,
  ],
  exports: EXPORTED,
})
export class ConsultationsModule {}
