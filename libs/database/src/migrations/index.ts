import { Initial1795433620612 } from './1795433620612-Initial';
import { ProgrammesAndTasks1795435362716 } from './1795435362716-ProgrammesAndTasks';
import { Consultations1795436533651 } from './1795436533651-Consultations';
import { ConsultationMeetings1795437686490 } from './1795437686490-ConsultationMeetings';
import { DropPartnerLastActivity1795437874005 } from './1795437874005-DropPartnerLastActivity';
import { Placements1795438754317 } from './1795438754317-Placements';
import { Notifications1795443711276 } from './1795443711276-Notifications';
import { Reporting1795443789600 } from './1795443789600-Reporting';
import { IdempotencyLocation1795448148149 } from './1795448148149-IdempotencyLocation';
import { GoodIdeas1795450000000 } from './1795450000000-GoodIdeas';
import { ConsultationAnonymityThreshold1795450000000 } from './1795450000000-ConsultationAnonymityThreshold';
import { SignInThrottles1795450000001 } from './1795450000001-SignInThrottles';
import { EmailLease1795460000000 } from './1795460000000-EmailLease';
import { OutboxTraceContext1795617675730 } from './1795617675730-OutboxTraceContext';
import { Measuring1795617714098 } from './1795617714098-Measuring';
import { IndicatorCatalogue1795617714099 } from './1795617714099-IndicatorCatalogue';
import { ReadPathIndexes1796100000000 } from './1796100000000-ReadPathIndexes';
import { CheckInSweepIndexes1796200000000 } from './1796200000000-CheckInSweepIndexes';
import { PublicConsultations1796500000000 } from './1796500000000-PublicConsultations';
import { ProgrammeActivity1796700000000 } from './1796700000000-ProgrammeActivity';
import { ReadChangeNotify1797000000000 } from './1797000000000-ReadChangeNotify';
import { TaskReminderDates1797100000000 } from './1797100000000-TaskReminderDates';
import { TimerSweeps1797500000000 } from './1797500000000-TimerSweeps';

/** Every migration, in order. Add each generated one here: the webpack bundles need explicit imports. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795433620612,
  ProgrammesAndTasks1795435362716,
  Consultations1795436533651,
  ConsultationMeetings1795437686490,
  DropPartnerLastActivity1795437874005,
  Placements1795438754317,
  Notifications1795443711276,
  Reporting1795443789600,
  IdempotencyLocation1795448148149,
  GoodIdeas1795450000000,
  ConsultationAnonymityThreshold1795450000000,
  SignInThrottles1795450000001,
  EmailLease1795460000000,
  OutboxTraceContext1795617675730,
  Measuring1795617714098,
  IndicatorCatalogue1795617714099,
  ReadPathIndexes1796100000000,
  CheckInSweepIndexes1796200000000,
  PublicConsultations1796500000000,
  ProgrammeActivity1796700000000,
  ReadChangeNotify1797000000000,
  TaskReminderDates1797100000000,
  TimerSweeps1797500000000,
];
