import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { Consultation, ConsultationMeeting, ConsultationStatus, MeetingStatus } from './entities';
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
  ) {}

  @JobHandler(JobName.ConsultationMeetingTimers)
  async schedule({ meetingId }: JobPayload<JobName.ConsultationMeetingTimers>): Promise<void> {
    const m = await this.dataSource.manager.findOneBy(ConsultationMeeting, { id: meetingId });
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
    const m = await this.dataSource.manager.findOneBy(ConsultationMeeting, { id: meetingId });
    if (!m || m.status !== MeetingStatus.Scheduled || m.startsAt.toISOString() !== startsAt) return;
    if (m.startsAt.getTime() <= this.clock.now().getTime()) return;
    const c = await this.dataSource.manager.findOneByOrFail(Consultation, { id: m.consultationId });
    if (c.status === ConsultationStatus.Cancelled) return;
    await this.dataSource.transaction(async (em) => {
      const rows: { user_id: string }[] = await em.query(
        `SELECT user_id FROM consultation_meeting_rsvps WHERE meeting_id = $1 AND status = 'attending'`,
        [meetingId],
      );
      if (!rows.length) return;
      await this.notifications.notify(em, {
        type: 'consultation.meeting_reminder',
        subject: { type: 'consultation_meeting', id: meetingId },
        recipients: { userIds: rows.map((r) => r.user_id) },
        params: this.meetings.params(c, m),
        dedupeKey: meta.jobId,
      });
    });
  }
}
