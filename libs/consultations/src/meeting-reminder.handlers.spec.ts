import { AppConfig, Clock, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationMeeting, ConsultationStatus, MeetingStatus } from './entities';
import { MeetingReminderHandlers } from './meeting-reminder.handlers';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

const NOW = Date.parse('2027-03-01T12:00:00.000Z');
const HOUR = 3_600_000;

describe(MeetingReminderHandlers.name, () => {
  let meeting: Partial<ConsultationMeeting> | null;
  let consultationStatus: ConsultationStatus;
  let attending: { user_id: string }[];
  let enqueue: jest.Mock;
  let notify: jest.Mock;
  let sut: MeetingReminderHandlers;

  beforeEach(() => {
    meeting = {
      id: 'm1',
      consultationId: 'c1',
      status: MeetingStatus.Scheduled,
      startsAt: new Date(NOW + 48 * HOUR),
      title: 'Evening',
    };
    consultationStatus = ConsultationStatus.Open;
    attending = [{ user_id: 'u1' }, { user_id: 'u2' }];
    enqueue = jest.fn().mockResolvedValue(undefined);
    notify = jest.fn().mockResolvedValue(undefined);
    const em = { query: jest.fn(async () => attending) };
    const dataSource = {
      manager: {
        findOneBy: jest.fn(async () => meeting),
        findOneByOrFail: jest.fn(async () => ({ id: 'c1', status: consultationStatus })),
      },
      transaction: jest.fn(async (work: (em: unknown) => Promise<unknown>) => work(em)),
    } as unknown as DataSource;
    sut = new MeetingReminderHandlers(
      dataSource,
      { enqueue } as unknown as JobQueueService,
      { notify } as unknown as NotificationsService,
      { params: () => ({ meetingTitle: 'Evening' }) } as unknown as MeetingsService,
      { CONSULTATION_MEETING_REMINDER_SECONDS: 86_400 } as AppConfig,
      { now: () => new Date(NOW) } as Clock,
      // The real repositories over the mocked connection.
      new MeetingsRepository(dataSource),
      new ConsultationsRepository(dataSource),
    );
  });

  it('schedules the reminder a day before, with the start time in its id', async () => {
    await sut.schedule({ meetingId: 'm1' });
    expect(enqueue).toHaveBeenCalledWith(
      JobName.ConsultationMeetingReminder,
      { meetingId: 'm1', startsAt: new Date(NOW + 48 * HOUR).toISOString() },
      `meeting-reminder.m1.${NOW + 48 * HOUR}`,
      24 * HOUR,
    );
  });

  it('reminds those attending once per job', async () => {
    await sut.remind({ meetingId: 'm1', startsAt: new Date(NOW + 48 * HOUR).toISOString() }, { jobId: 'j1' });
    expect(notify).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        type: 'consultation.meeting_reminder',
        recipients: { userIds: ['u1', 'u2'] },
        dedupeKey: 'j1',
      }),
    );
  });

  it('does nothing for a moved or cancelled meeting, or a cancelled consultation', async () => {
    await sut.remind({ meetingId: 'm1', startsAt: new Date(NOW + 24 * HOUR).toISOString() }, { jobId: 'j' });
    const startsAt = new Date(NOW + 48 * HOUR).toISOString();
    consultationStatus = ConsultationStatus.Cancelled;
    await sut.remind({ meetingId: 'm1', startsAt }, { jobId: 'j' });
    meeting = { ...meeting, status: MeetingStatus.Cancelled };
    await sut.remind({ meetingId: 'm1', startsAt }, { jobId: 'j' });
    await sut.schedule({ meetingId: 'm1' });
    expect(notify).not.toHaveBeenCalled();
    expect(enqueue).not.toHaveBeenCalled();
  });
});
