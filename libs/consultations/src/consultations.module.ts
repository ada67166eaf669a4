import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationTimersHandlers } from './consultation-timers.handlers';
import { ConsultationsService } from './consultations.service';
import { MeetingReminderHandlers } from './meeting-reminder.handlers';
import { MeetingsService } from './meetings.service';
import { OutcomeService } from './outcome.service';
import { QuestionsService } from './questions.service';
import { ResponsesService } from './responses.service';
import { ResultsService } from './results.service';

/** Consultations run by government organisations: questions, invitees, responses, results, outcome. */
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [
    ConsultationAccessService,
    ConsultationLifecycleService,
    ConsultationsService,
    QuestionsService,
    ResponsesService,
    ResultsService,
    OutcomeService,
    ConsultationTimersHandlers,
    MeetingsService,
    MeetingReminderHandlers,
  ],
  exports: [
    ConsultationAccessService,
    ConsultationsService,
    QuestionsService,
    ResponsesService,
    ResultsService,
    OutcomeService,
    ConsultationTimersHandlers,
    MeetingsService,
    MeetingReminderHandlers,
  ],
})
export class ConsultationsModule {}
