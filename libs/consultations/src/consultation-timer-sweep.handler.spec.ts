import { AppConfig, Clock, dataSourceOver, JobName, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { EntityManager } from 'typeorm';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import {
  CONSULTATION_SWEEP_BATCH,
  CONSULTATION_TIMER_SWEEP_SCHEDULER_ID,
  ConsultationTimerSweep,
} from './consultation-timer-sweep.handler';
import {
  ClaimedReminder,
  ConsultationTimersRepository,
  DueMove,
  ReminderKind,
} from './consultation-timers.repository';
import { ConsultationsRepository } from './consultations.repository';
import {
  Consultation,
  ConsultationAudience,
  ConsultationMeeting,
  ConsultationStatus as S,
  RsvpStatus,
} from './entities';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

const C = '50000000-0000-4000-8000-000000000001';
const M = '60000000-0000-4000-8000-000000000001';
const NOW = new Date('2027-03-01T12:00:00.000Z');
const SEC = 1000;
const HOUR = 3_600_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

const consultation = (over: Partial<Consultation> = {}): Consultation =>
  ({
    id: C,
    title: { en: 'Night transport', ar: 'النقل الليلي' },
    languages: ['en', 'ar'],
    audience: ConsultationAudience.Invited,
    status: S.Open,
    closesAt: later(HOUR),
    ...over,
  }) as Consultation;

describe(ConsultationTimerSweep.name, () => {
  /** What each successive claim returns, per step. */
  const setup = (
    batches: {
      opening?: DueMove[][];
      closing?: DueMove[][];
      closingReminders?: ClaimedReminder[][];
      meetingReminders?: ClaimedReminder[][];
    },
    found: {
      consultation?: Consultation;
      moved?: boolean;
      pending?: readonly string[];
      attending?: readonly string[];
    } = {},
  ) => {
    const em = {} as EntityManager;
    const { dataSource, transactions } = dataSourceOver(em);
    const timers = {
      lockDue: jest.fn(
        async (_em: EntityManager, move: 'opening' | 'closing') => batches[move]?.shift() ?? [],
      ),
      claimReminders: jest.fn(
        async (_em: EntityManager, kind: ReminderKind) =>
          (kind === 'closing' ? batches.closingReminders : batches.meetingReminders)?.shift() ?? [],
      ),
      meetings: jest.fn(
        async (_em: EntityManager, ids: string[]) =>
          new Map(
            ids.map((id) => [
              id,
              { id, title: 'Evening', startsAt: later(20 * HOUR) } as ConsultationMeeting,
            ]),
          ),
      ),
    };
    const consultations = {
      getById: jest.fn(async () => found.consultation ?? consultation()),
      invitedWithoutResponse: jest.fn(async () => [...(found.pending ?? ['assoc'])]),
    };
    const lifecycle = {
      move: jest.fn(async () => (found.moved === false ? null : consultation())),
      notifyInTheirLanguage: jest.fn(async () => undefined),
    };
    const meetingRows = { usersWithStatus: jest.fn(async () => [...(found.attending ?? ['u1', 'u2'])]) };
    const meetings = { params: jest.fn(() => ({ meetingTitle: 'Evening' })) };
    const notifications = { notify: jest.fn(async () => undefined) };
    const jobs = { upsertScheduler: jest.fn(async () => undefined) };
    const sut = new ConsultationTimerSweep(
      dataSource,
      jobs as unknown as JobQueueService,
      timers as unknown as ConsultationTimersRepository,
      consultations as unknown as ConsultationsRepository,
      lifecycle as unknown as ConsultationLifecycleService,
      meetingRows as unknown as MeetingsRepository,
      meetings as unknown as MeetingsService,
      notifications as unknown as NotificationsService,
      { now: () => NOW } as Clock,
      {
        CONSULTATION_SWEEP_MS: 5_000,
        CONSULTATION_REMINDER_SECONDS: 3 * 86_400,
        CONSULTATION_MEETING_REMINDER_SECONDS: 86_400,
      } as AppConfig,
    );
    return { sut, em, timers, consultations, lifecycle, meetingRows, notifications, jobs, transactions };
  };

  it('opens and closes what is due with compare-and-set moves guarded by the date found, in the lock transaction', async () => {
    const opensAt = later(-2 * SEC);
    const closesAt = later(-1 * SEC);
    const { sut, em, timers, lifecycle } = setup({
      opening: [[{ id: C, at: opensAt }]],
      closing: [[{ id: C, at: closesAt }]],
    });
    await sut.sweep();
    expect(timers.lockDue).toHaveBeenCalledWith(em, 'opening', NOW, CONSULTATION_SWEEP_BATCH);
    expect(timers.lockDue).toHaveBeenCalledWith(em, 'closing', NOW, CONSULTATION_SWEEP_BATCH);
    expect(lifecycle.move.mock.calls).toEqual([
      [em, C, S.Scheduled, S.Open, { opensAt }],
      [em, C, S.Open, S.Closed, { closesAt }],
    ]);
  });

  it('opens before it reminds and reminds before it closes, so one late sweep does each in order', async () => {
    const { sut, timers, lifecycle } = setup({});
    await sut.sweep();
    const order = [
      timers.lockDue.mock.invocationCallOrder[0],
      timers.claimReminders.mock.invocationCallOrder[0],
      timers.lockDue.mock.invocationCallOrder[1],
      timers.claimReminders.mock.invocationCallOrder[1],
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(timers.lockDue.mock.calls.map(([, move]) => move)).toEqual(['opening', 'closing']);
    expect(timers.claimReminders.mock.calls.map(([, kind]) => kind)).toEqual(['closing', 'meeting']);
    expect(lifecycle.move).not.toHaveBeenCalled();
  });

  it('stops at a row the move refuses rather than lock it again at once', async () => {
    const full = Array.from({ length: CONSULTATION_SWEEP_BATCH }, (_, i) => ({
      id: `50000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      at: later(-SEC),
    }));
    const { sut, timers } = setup({ opening: [full, full] }, { moved: false });
    await sut.sweep();
    expect(timers.lockDue.mock.calls.filter(([, move]) => move === 'opening')).toHaveLength(1);
  });

  it('works through a backlog of openings in batches, one transaction each, until a batch is short', async () => {
    const full = Array.from({ length: CONSULTATION_SWEEP_BATCH }, (_, i) => ({
      id: `50000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      at: later(-SEC),
    }));
    const { sut, lifecycle, transactions } = setup({ opening: [full, [{ id: C, at: later(-SEC) }]] });
    await sut.sweep();
    expect(lifecycle.move).toHaveBeenCalledTimes(CONSULTATION_SWEEP_BATCH + 1);
    // opening ×2, closing reminders, closing, meeting reminders.
    expect(transactions.filter((t) => t === 'begin')).toHaveLength(5);
  });

  it('reminds the invited organisations that have not answered, once per closing date, in their language', async () => {
    const closesAt = later(48 * HOUR);
    const { sut, em, timers, lifecycle } = setup(
      { closingReminders: [[{ id: C, consultationId: C, at: closesAt }]] },
      { consultation: consultation({ closesAt }), pending: ['assoc'] },
    );
    await sut.sweep();
    // Due CONSULTATION_REMINDER_SECONDS before closing: every closing date up to now + 3 days.
    expect(timers.claimReminders).toHaveBeenCalledWith(
      em,
      'closing',
      later(72 * HOUR),
      CONSULTATION_SWEEP_BATCH,
    );
    expect(lifecycle.notifyInTheirLanguage).toHaveBeenCalledTimes(1);
    const [, c, request] = lifecycle.notifyInTheirLanguage.mock.calls[0] as unknown as [
      EntityManager,
      Consultation,
      {
        type: string;
        recipients: unknown;
        dedupeKey: string;
        params: (lang: string) => Record<string, unknown>;
      },
    ];
    expect(c.id).toBe(C);
    expect(request).toMatchObject({
      type: 'consultation.closing_soon',
      subject: { type: 'consultation', id: C },
      recipients: { organizationIds: ['assoc'] },
      dedupeKey: `consultation-reminder.${C}.${closesAt.getTime()}`,
    });
    expect(request.params('ar')).toEqual({
      consultationTitle: 'النقل الليلي',
      closesAt: closesAt.toISOString(),
    });
  });

  it('claims but reminds no one when all answered, the audience is everyone, or it closes in this sweep', async () => {
    for (const [closesAt, found] of [
      [later(HOUR), { pending: [] }],
      [later(HOUR), { consultation: consultation({ audience: ConsultationAudience.AllOrganizations }) }],
      [later(-SEC), {}],
    ] as const) {
      const { sut, lifecycle, timers } = setup(
        { closingReminders: [[{ id: C, consultationId: C, at: closesAt }]] },
        found,
      );
      await sut.sweep();
      expect(timers.claimReminders).toHaveBeenCalledWith(
        expect.anything(),
        'closing',
        expect.any(Date),
        CONSULTATION_SWEEP_BATCH,
      );
      expect(lifecycle.notifyInTheirLanguage).not.toHaveBeenCalled();
    }
  });

  it('reminds those attending a meeting a day before, once per start time', async () => {
    const startsAt = later(20 * HOUR);
    const { sut, em, timers, meetingRows, notifications } = setup({
      meetingReminders: [[{ id: M, consultationId: C, at: startsAt }]],
    });
    await sut.sweep();
    expect(timers.claimReminders).toHaveBeenCalledWith(
      em,
      'meeting',
      later(24 * HOUR),
      CONSULTATION_SWEEP_BATCH,
    );
    expect(meetingRows.usersWithStatus).toHaveBeenCalledWith(em, M, [RsvpStatus.Attending]);
    expect(notifications.notify).toHaveBeenCalledWith(em, {
      type: 'consultation.meeting_reminder',
      subject: { type: 'consultation_meeting', id: M },
      recipients: { userIds: ['u1', 'u2'] },
      params: { meetingTitle: 'Evening' },
      dedupeKey: `meeting-reminder.${M}.${startsAt.getTime()}`,
    });
  });

  it('claims but reminds no one of a meeting already started, of a cancelled consultation, or with nobody attending', async () => {
    for (const [startsAt, found] of [
      [later(-SEC), {}],
      [later(HOUR), { consultation: consultation({ status: S.Cancelled }) }],
      [later(HOUR), { attending: [] }],
    ] as const) {
      const { sut, notifications } = setup(
        { meetingReminders: [[{ id: M, consultationId: C, at: startsAt }]] },
        found,
      );
      await sut.sweep();
      expect(notifications.notify).not.toHaveBeenCalled();
    }
  });

  it('keeps one sweep scheduler, whatever the number of replicas', async () => {
    const { sut, jobs } = setup({});
    await sut.schedule();
    expect(jobs.upsertScheduler).toHaveBeenCalledWith(
      CONSULTATION_TIMER_SWEEP_SCHEDULER_ID,
      JobName.ConsultationTimerSweep,
      {},
      { every: 5_000 },
    );
  });

  it('ignores the legacy per-consultation and per-meeting jobs still in a Redis from before the sweep', async () => {
    const { sut, timers, lifecycle, notifications } = setup({});
    const at = NOW.toISOString();
    await sut.ignoreLegacyTimers({ consultationId: C });
    await sut.ignoreLegacyOpen({ consultationId: C, opensAt: at });
    await sut.ignoreLegacyClose({ consultationId: C, closesAt: at });
    await sut.ignoreLegacyClosingReminder({ consultationId: C, closesAt: at });
    await sut.ignoreLegacyMeetingTimers({ meetingId: M });
    await sut.ignoreLegacyMeetingReminder({ meetingId: M, startsAt: at });
    expect(timers.lockDue).not.toHaveBeenCalled();
    expect(lifecycle.move).not.toHaveBeenCalled();
    expect(notifications.notify).not.toHaveBeenCalled();
  });
});
