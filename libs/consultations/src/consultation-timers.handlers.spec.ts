import { AppConfig, Clock, JobName, JobQueueService } from '@tandem/core';
import { DataSource } from 'typeorm';
import { ConsultationLifecycleService } from './consultation-lifecycle.service';
import { ConsultationTimersHandlers } from './consultation-timers.handlers';
import { ConsultationsRepository } from './consultations.repository';
import { Consultation, ConsultationAudience, ConsultationStatus as S } from './entities';

const NOW = Date.parse('2027-03-01T12:00:00.000Z');
const HOUR = 3_600_000;

describe(ConsultationTimersHandlers.name, () => {
  let consultation: Partial<Consultation> | null;
  let enqueue: jest.Mock;
  let move: jest.Mock;
  let notify: jest.Mock;
  let pending: { organization_id: string }[];
  let sut: ConsultationTimersHandlers;

  beforeEach(() => {
    consultation = {
      id: 'c1',
      status: S.Scheduled,
      opensAt: new Date(NOW + HOUR),
      closesAt: new Date(NOW + 100 * HOUR),
      audience: ConsultationAudience.Invited,
      title: { en: 'Night transport' },
      languages: ['en'],
    };
    pending = [{ organization_id: 'org-c' }];
    enqueue = jest.fn().mockResolvedValue(undefined);
    move = jest.fn().mockResolvedValue(null);
    notify = jest.fn().mockResolvedValue(undefined);
    const em = { query: jest.fn(async () => pending) };
    const dataSource = {
      manager: { findOneBy: jest.fn(async () => consultation) },
      transaction: jest.fn(async (work: (em: unknown) => Promise<unknown>) => work(em)),
    } as unknown as DataSource;
    sut = new ConsultationTimersHandlers(
      dataSource,
      { enqueue } as unknown as JobQueueService,
      { move, notifyInTheirLanguage: notify } as unknown as ConsultationLifecycleService,
      { CONSULTATION_REMINDER_SECONDS: 72 * 3600 } as AppConfig,
      { now: () => new Date(NOW) } as Clock,
      new ConsultationsRepository(dataSource),
    );
  });

  it('schedules opening and closing with ids carrying their dates', async () => {
    await sut.schedule({ consultationId: 'c1' });
    expect(enqueue.mock.calls).toEqual([
      [
        JobName.ConsultationOpen,
        { consultationId: 'c1', opensAt: new Date(NOW + HOUR).toISOString() },
        `consultation-open.c1.${NOW + HOUR}`,
        HOUR,
      ],
      [
        JobName.ConsultationClose,
        { consultationId: 'c1', closesAt: new Date(NOW + 100 * HOUR).toISOString() },
        `consultation-close.c1.${NOW + 100 * HOUR}`,
        100 * HOUR,
      ],
    ]);
    for (const [, , jobId] of enqueue.mock.calls) expect(jobId).not.toContain(':');
  });

  it('once open, schedules the reminder the lead time before closing (at once if already inside it)', async () => {
    consultation = { ...consultation, status: S.Open };
    await sut.schedule({ consultationId: 'c1' });
    expect(enqueue).toHaveBeenCalledWith(
      JobName.ConsultationClosingReminder,
      expect.anything(),
      `consultation-reminder.c1.${NOW + 100 * HOUR}`,
      28 * HOUR,
    );
    enqueue.mockClear();
    consultation = { ...consultation, closesAt: new Date(NOW + HOUR) };
    await sut.schedule({ consultationId: 'c1' });
    expect(enqueue.mock.calls.find(([name]) => name === JobName.ConsultationClosingReminder)?.[3]).toBe(0);
  });

  it('schedules nothing for drafts, closed or cancelled consultations', async () => {
    for (const status of [S.Draft, S.Closed, S.Cancelled, S.OutcomePublished]) {
      consultation = { ...consultation, status };
      await sut.schedule({ consultationId: 'c1' });
    }
    expect(enqueue).not.toHaveBeenCalled();
  });

  it('opens only if still scheduled for that date (compare-and-set)', async () => {
    const opensAt = new Date(NOW + HOUR).toISOString();
    await sut.open({ consultationId: 'c1', opensAt });
    expect(move).toHaveBeenCalledWith(expect.anything(), 'c1', S.Scheduled, S.Open, {
      opensAt: new Date(opensAt),
    });
  });

  it('retries closing while the consultation has not opened yet, and gives up when the date moved', async () => {
    const closesAt = new Date(NOW + 100 * HOUR).toISOString();
    await expect(sut.close({ consultationId: 'c1', closesAt })).rejects.toThrow(/not opened yet/);
    await expect(
      sut.close({ consultationId: 'c1', closesAt: new Date(NOW + 5 * HOUR).toISOString() }),
    ).resolves.toBeUndefined();
  });

  it('reminds only invited organisations that have not answered, once per job', async () => {
    consultation = { ...consultation, status: S.Open };
    const closesAt = new Date(NOW + 100 * HOUR).toISOString();
    await sut.remind({ consultationId: 'c1', closesAt }, { jobId: 'job-1' });
    expect(notify).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ id: 'c1' }),
      expect.objectContaining({
        type: 'consultation.closing_soon',
        recipients: { organizationIds: ['org-c'] },
        dedupeKey: 'job-1',
      }),
    );
  });

  it('does not remind when the closing date moved, it is not open, or everyone answered', async () => {
    consultation = { ...consultation, status: S.Open };
    await sut.remind({ consultationId: 'c1', closesAt: new Date(NOW).toISOString() }, { jobId: 'j' });
    pending = [];
    await sut.remind(
      { consultationId: 'c1', closesAt: new Date(NOW + 100 * HOUR).toISOString() },
      { jobId: 'j' },
    );
    consultation = { ...consultation, status: S.Closed };
    await sut.remind(
      { consultationId: 'c1', closesAt: new Date(NOW + 100 * HOUR).toISOString() },
      { jobId: 'j' },
    );
    expect(notify).not.toHaveBeenCalled();
  });
});
