import { AppConfig, JobQueueService } from '@tandem/core';
import { NotificationFanOutHandler } from './notification-fan-out.handler';
import { renderForReaders, TextsByReading } from './notification-texts';
import { FanOutInsert, FanOutReading, NotificationsRepository } from './notifications.repository';

const opened = { consultationTitle: 'Night buses', closesAt: '2026-12-10T13:11:00.000Z' };

describe('fan-out texts per (language, time zone)', () => {
  it('renders each pair once, every language in UTC as the fallback, an instant in the reader’s zone', () => {
    const texts = renderForReaders('consultation.opened', opened, [
      { language: 'fr', timeZone: 'Europe/Paris' },
      { language: 'en', timeZone: 'Asia/Tokyo' },
      { language: 'en', timeZone: 'UTC' },
      { language: 'fr', timeZone: 'Europe/Paris' },
    ]);
    expect(Object.fromEntries(Object.entries(texts).map(([l, z]) => [l, Object.keys(z).sort()]))).toEqual({
      en: ['Asia/Tokyo', 'UTC'],
      fr: ['Europe/Paris', 'UTC'],
      es: ['UTC'],
      ar: ['UTC'],
    });
    expect(texts.fr['Europe/Paris'].body).toContain('10 décembre 2026 à 14:11 UTC+1');
    expect(texts.fr.UTC.body).toContain('10 décembre 2026 à 13:11 UTC');
    expect(texts.en['Asia/Tokyo'].body).toContain('December 10, 2026 at 10:11 PM GMT+9');
    expect(texts.en.UTC.body).toContain('December 10, 2026 at 01:11 PM UTC');
  });

  it('a reader’s unknown language is keyed as the database spells it and read in English', () => {
    const texts = renderForReaders('consultation.opened', opened, [
      { language: 'de', timeZone: 'Europe/Berlin' },
    ]);
    expect(texts.de['Europe/Berlin'].body).toContain('December 10, 2026 at 02:11 PM GMT+1');
  });

  it('the handler asks the database for the recipients’ pairs and inserts the texts for exactly those, in one transaction', async () => {
    const em = { name: 'tx' };
    const readings: FanOutReading[] = [
      { language: 'fr', timeZone: 'Europe/Paris' },
      { language: 'en', timeZone: 'UTC' },
    ];
    const inserts: FanOutInsert[] = [];
    const repository = {
      transaction: jest.fn(async (work: (e: unknown) => Promise<unknown>) => work(em)),
      fanOutReadings: jest.fn(async () => readings),
      insertFanOut: jest.fn(async (_em: unknown, p: FanOutInsert) => {
        inserts.push(p);
        return { notifications: '2', deliveries: '2' };
      }),
      insertWebhookDeliveries: jest.fn(async () => undefined),
      countDeliveries: jest.fn(async () => 2),
      pendingWebhookDeliveries: jest.fn(async () => []),
    };
    const jobs = { enqueue: jest.fn(async () => undefined) };
    const sut = new NotificationFanOutHandler(
      repository as unknown as NotificationsRepository,
      jobs as unknown as JobQueueService,
      { BULK_EMAIL_THRESHOLD: 1000 } as AppConfig,
    );
    await sut.handle(
      {
        type: 'consultation.opened',
        params: opened,
        subject: { type: 'consultation', id: '00000000-0000-4000-8000-000000000001' },
        recipients: {
          organizationIds: ['00000000-0000-4000-8000-000000000002'],
          languages: { in: ['fr', 'en'] },
        },
        dedupeKey: 'consultation-opened:1',
      },
      { jobId: 'job-1' },
    );
    const recipients = {
      userIds: [],
      organizationIds: ['00000000-0000-4000-8000-000000000002'],
      organizationAdminsOf: [],
      programmeManagersOf: null,
      exceptUserId: null,
      allOrganizationMembers: false,
      languagesIn: ['fr', 'en'],
      languagesNotIn: null,
    };
    expect(repository.fanOutReadings).toHaveBeenCalledWith(em, recipients);
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toMatchObject({ ...recipients, type: 'consultation.opened', fanOutId: 'job-1' });
    const texts = JSON.parse(inserts[0].textsJson) as TextsByReading;
    expect(texts).toEqual(renderForReaders('consultation.opened', opened, readings));
    expect(texts.fr['Europe/Paris'].body).toContain('14:11 UTC+1');
    expect(repository.insertFanOut.mock.calls[0][0]).toBe(em);
    expect(jobs.enqueue).toHaveBeenCalledTimes(1);
  });
});
