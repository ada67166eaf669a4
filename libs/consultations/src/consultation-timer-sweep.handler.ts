import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  Clock,
  inSweepBatches,
  JobHandler,
  JobName,
  JobPayload,
  JobQueueService,
  RepeatingJobHandler,
  SweepBatch,
} from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationTimersRepository, DueMove } from './consultation-timers.repository';
import { ConsultationsRepository } from './consultations.repository';
import { Consultation, ConsultationAudience, ConsultationStatus as S, RsvpStatus } from './entities';
import { textIn } from './localized-text';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

export const CONSULTATION_TIMER_SWEEP_SCHEDULER_ID = 'consultation-timer-sweep';

/** Rows claimed per transaction: a backlog is many short transactions, not one long one. */
export const CONSULTATION_SWEEP_BATCH = 100;

/** The same strings as the delayed jobs' ids before the sweep, so a reminder one of them sent is not sent again. */
export const closingReminderDedupeKey = (consultationId: string, closesAt: Date): string =>
  `consultation-reminder.${consultationId}.${closesAt.getTime()}`;
export const meetingReminderDedupeKey = (meetingId: string, startsAt: Date): string =>
  `meeting-reminder.${meetingId}.${startsAt.getTime()}`;

/**
 * A consultation's time-based work: dates on its rows, one repeating sweep (job scheduler
 * `consultation-timer-sweep`, every CONSULTATION_SWEEP_MS, one whatever the number of replicas), no
 * job per consultation or meeting. Moving a date is a row update; Redis holds nothing to rebuild.
 *
 * Each sweep, in order:
 * - opens the scheduled consultations whose `opens_at` has come and
 * - closes the open ones whose `closes_at` has come: both compare-and-set moves guarded by the date
 *   (ConsultationLifecycleService.move), on rows locked with SKIP LOCKED, so two sweeps, a retry or an
 *   officer moving it by hand never move one twice; the move's notifications commit with it;
 * - between the two, reminds the invited organisations that have not answered an open consultation
 *   CONSULTATION_REMINDER_SECONDS before it closes (once it is open, so a lead time longer than the
 *   consultation reminds right after opening), once per closing date;
 * - reminds those attending a scheduled meeting CONSULTATION_MEETING_REMINDER_SECONDS before it
 *   starts, once per start time, unless the consultation was cancelled or the meeting has started.
 * A reminder's "sent for" stamp and its notifications commit in one transaction, and its dedupe key
 * carries the date: a moved date reminds again, the same date never twice.
 */
@Injectable()
export class ConsultationTimerSweep extends RepeatingJobHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobQueueService,
    private readonly timers: ConsultationTimersRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly lifecycle: ConsultationLifecycleService,
    private readonly meetingRows: MeetingsRepository,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super(jobs, {
      schedulerId: CONSULTATION_TIMER_SWEEP_SCHEDULER_ID,
      job: JobName.ConsultationTimerSweep,
      everyMs: config.CONSULTATION_SWEEP_MS,
    });
  }

  @JobHandler(JobName.ConsultationTimerSweep)
  async sweep(): Promise<void> {
    const now = this.clock.now();
    const opened = await this.moveDue('opening', now);
    const closingReminders = await this.inBatches((em) => this.remindClosing(em, now));
    const closed = await this.moveDue('closing', now);
    const meetingReminders = await this.inBatches((em) => this.remindMeetings(em, now));
    if (opened.length || closed.length || closingReminders || meetingReminders)
      this.logger.log({
        msg: 'consultation timer sweep',
        opened,
        closed,
        closingReminders,
        meetingReminders,
      });
  }

  private inBatches(batch: (em: EntityManager) => Promise<SweepBatch>): Promise<number> {
    return inSweepBatches(this.dataSource, CONSULTATION_SWEEP_BATCH, batch);
  }

  /** Opens (or closes) every consultation whose date has come; the ids moved. */
  private async moveDue(move: 'opening' | 'closing', now: Date): Promise<string[]> {
    const moved: string[] = [];
    for (;;) {
      const { due, done } = await this.dataSource.transaction(async (em) => {
        const rows = await this.timers.lockDue(em, move, now, CONSULTATION_SWEEP_BATCH);
        let n = 0;
        for (const c of rows) {
          if (!(await this.moveOne(em, move, c))) continue;
          moved.push(c.id);
          n++;
        }
        return { due: rows.length, done: n };
      });
      // A row the move refused would be locked again at once: stop and leave it to the next sweep.
      if (due < CONSULTATION_SWEEP_BATCH || done < due) return moved;
    }
  }

  private async moveOne(em: EntityManager, move: 'opening' | 'closing', c: DueMove): Promise<boolean> {
    const done =
      move === 'opening'
        ? await this.lifecycle.move(em, c.id, S.Scheduled, S.Open, { opensAt: c.at })
        : await this.lifecycle.move(em, c.id, S.Open, S.Closed, { closesAt: c.at });
    return done !== null;
  }

  private async remindClosing(em: EntityManager, now: Date): Promise<SweepBatch> {
    const dueBy = new Date(now.getTime() + this.config.CONSULTATION_REMINDER_SECONDS * 1000);
    const claimed = await this.timers.claimReminders(em, 'closing', dueBy, CONSULTATION_SWEEP_BATCH);
    let sent = 0;
    for (const r of claimed) {
      // Closing in this very sweep: "closing soon" would arrive with "closed".
      if (r.at.getTime() <= now.getTime()) continue;
      const c = await this.consultations.getById(r.id, em);
      // Invited organisations only: with audience all_organizations there is no list of whom to
      // chase, and reminding every organisation on the platform would be noise.
      if (c.audience !== ConsultationAudience.Invited) continue;
      const pending = await this.consultations.invitedWithoutResponse(em, c.id);
      if (!pending.length) continue;
      const closesAt = c.closesAt.toISOString();
      await this.lifecycle.notifyInTheirLanguage(em, c, {
        type: 'consultation.closing_soon',
        subject: { type: 'consultation', id: c.id },
        recipients: { organizationIds: pending },
        params: (lang) => ({ consultationTitle: textIn(c.title, lang, c.languages), closesAt }),
        dedupeKey: closingReminderDedupeKey(c.id, c.closesAt),
      });
      sent++;
    }
    return { claimed: claimed.length, sent };
  }

  private async remindMeetings(em: EntityManager, now: Date): Promise<SweepBatch> {
    const dueBy = new Date(now.getTime() + this.config.CONSULTATION_MEETING_REMINDER_SECONDS * 1000);
    const claimed = await this.timers.claimReminders(em, 'meeting', dueBy, CONSULTATION_SWEEP_BATCH);
    // A meeting that has already started gets no reminder (its stamp only takes it off the list).
    const upcoming = claimed.filter((m) => m.at.getTime() > now.getTime());
    const meetings = await this.timers.meetings(
      em,
      upcoming.map((m) => m.id),
    );
    const consultations = new Map<string, Consultation>();
    let sent = 0;
    for (const { id, consultationId } of upcoming) {
      const m = meetings.get(id);
      if (!m) continue;
      let c = consultations.get(consultationId);
      if (!c) consultations.set(consultationId, (c = await this.consultations.getById(consultationId, em)));
      if (c.status === S.Cancelled) continue;
      const attending = await this.meetingRows.usersWithStatus(em, id, [RsvpStatus.Attending]);
      if (!attending.length) continue;
      await this.notifications.notify(em, {
        type: 'consultation.meeting_reminder',
        subject: { type: 'consultation_meeting', id },
        recipients: { userIds: attending },
        params: this.meetings.params(c, m),
        dedupeKey: meetingReminderDedupeKey(id, m.startsAt),
      });
      sent++;
    }
    return { claimed: claimed.length, sent };
  }

  /**
   * Legacy jobs, from before the sweep: `consultation.timers` and `consultation.meeting-timers` events
   * still in an outbox, and the per-consultation and per-meeting delayed jobs still in a Redis.
   * Ignored: each completes at once and does nothing; the sweep opens, closes and reminds from the
   * rows (reminders under the same dedupe keys), so nothing happens twice. Delayed ones drain as
   * their times come.
   */
  @JobHandler(JobName.ConsultationTimers)
  async ignoreLegacyTimers(_payload: JobPayload<JobName.ConsultationTimers>): Promise<void> {}

  @JobHandler(JobName.ConsultationOpen)
  async ignoreLegacyOpen(_payload: JobPayload<JobName.ConsultationOpen>): Promise<void> {}

  @JobHandler(JobName.ConsultationClose)
  async ignoreLegacyClose(_payload: JobPayload<JobName.ConsultationClose>): Promise<void> {}

  @JobHandler(JobName.ConsultationClosingReminder)
  async ignoreLegacyClosingReminder(
    _payload: JobPayload<JobName.ConsultationClosingReminder>,
  ): Promise<void> {}

  @JobHandler(JobName.ConsultationMeetingTimers)
  async ignoreLegacyMeetingTimers(_payload: JobPayload<JobName.ConsultationMeetingTimers>): Promise<void> {}

  @JobHandler(JobName.ConsultationMeetingReminder)
  async ignoreLegacyMeetingReminder(
    _payload: JobPayload<JobName.ConsultationMeetingReminder>,
  ): Promise<void> {}
}
