import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationStatus, MeetingStatus, RsvpStatus } from './entities';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

/**
 * Attendees hear CONSULTATION_MEETING_REMINDER_SECONDS before a meeting. The delayed job's id
 * carries the start time, so a moved meeting gets a new job and the old one finds the time changed
 * and does nothing; a cancelled meeting's job does nothing either. The notification's dedupe key
 * is the job id: a retry or a second replica never sends it twice.
 */
@Injectable()
export class MeetingReminderHandlers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repository: MeetingsRepository,
    private readonly consultations: ConsultationsRepository,
  ) {}

  @JobHandler(JobName.ConsultationMeetingTimers)
  async schedule({ meetingId }: JobPayload<JobName.ConsultationMeetingTimers>): Promise<void> {
    const m = await this.repository.findById(meetingId);
    if (!m || m.status !== MeetingStatus.Scheduled) return;
    const fireAt = m.startsAt.getTime() - this.config.CONSULTATION_MEETING_REMINDER_SECONDS * 1000;
    await this.jobs.enqueue(
      JobName.ConsultationMeetingReminder,
      { meetingId, startsAt: m.startsAt.toISOString() },
      `meeting-reminder.${meetingId}.${m.startsAt.getTime()}`,
      Math.max(0, fireAt - this.clock.now().getTime()),
    );
  }

  @JobHandler(JobName.ConsultationMeetingReminder)
  async remind(
    { meetingId, startsAt }: JobPayload<JobName.ConsultationMeetingReminder>,
    meta: { jobId: string },
  ): Promise<void> {
    const m = await this.repository.findById(meetingId);
    if (!m || m.status !== MeetingStatus.Scheduled || m.startsAt.toISOString() !== startsAt) return;
    if (m.startsAt.getTime() <= this.clock.now().getTime()) return;
    const c = await this.consultations.getById(m.consultationId);
    if (c.status === ConsultationStatus.Cancelled) return;
    await this.dataSource.transaction(async (em) => {
      const attending = await this.repository.usersWithStatus(em, meetingId, [RsvpStatus.Attending]);
      if (!attending.length) return;
      await this.notifications.notify(em, {
        type: 'consultation.meeting_reminder',
        subject: { type: 'consultation_meeting', id: meetingId },
        recipients: { userIds: attending },
        params: this.meetings.params(c, m),
        dedupeKey: meta.jobId,
      });
    });
  }
}
