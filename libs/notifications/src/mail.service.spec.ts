import { AppConfig } from '@tandem/core';
import { EmailInFlightError, MailService } from './mail.service';
import { NotificationsRepository } from './notifications.repository';

const sendMail = jest.fn();
jest.mock('nodemailer', () => ({ createTransport: () => ({ sendMail, close: jest.fn() }) }));
jest.mock('nodemailer/lib/smtp-pool', () => jest.fn());

const config = {
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'x@example.org',
  PUBLIC_URL: 'https://tandem.example',
  SMTP_POOL_SIZE: 2,
  SMTP_RATE_LIMIT: 0,
  SMTP_MAX_MESSAGES: 1000,
  SMTP_RATE_DELTA_MS: 1000,
  EMAIL_LEASE_MS: 120_000,
} as AppConfig;

const email = { to: 'a@example.org', subject: 's', html: '<p>h</p>', text: 't', template: 'x' };

describe(MailService.name, () => {
  const setup = (claim: { id: string } | null, status: string | null = null) => {
    const order: string[] = [];
    const em = {};
    const repository = {
      ensureEmailDelivery: jest.fn(async () => void order.push('ensure')),
      claimEmail: jest.fn(async () => (order.push('claim'), claim)),
      emailStatus: jest.fn(async () => status),
      markEmailSent: jest.fn(async () => void order.push('mark')),
      releaseEmail: jest.fn(async () => void order.push('release')),
      transaction: jest.fn(async (work: (e: unknown) => Promise<unknown>) => work(em)),
    };
    sendMail.mockReset();
    sendMail.mockImplementation(async () => void order.push('smtp'));
    const sut = new MailService(config, repository as unknown as NotificationsRepository);
    return { sut, repository, order };
  };

  it('claims (committed) before the SMTP exchange and records right after the 250, with the same Message-ID each time', async () => {
    const { sut, order, repository } = setup({ id: 'd1' });
    const also = jest.fn(async () => undefined);
    await expect(sut.sendOnce('notification.n1.email', email, also)).resolves.toBe('sent');
    expect(order).toEqual(['ensure', 'claim', 'smtp', 'mark']);
    expect(also).toHaveBeenCalledTimes(1);
    expect(sendMail).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: '<notification.n1.email@tandem.example>' }),
    );
    expect(repository.markEmailSent).toHaveBeenCalledWith({}, 'd1', '<notification.n1.email@tandem.example>');
  });

  it('never sends what is already sent, and refuses what another worker holds', async () => {
    const sent = setup(null, 'sent');
    await expect(sent.sut.sendOnce('k', email)).resolves.toBe('already-sent');
    const held = setup(null, 'sending');
    await expect(held.sut.sendOnce('k', email)).rejects.toBeInstanceOf(EmailInFlightError);
    expect(sendMail).not.toHaveBeenCalled();
  });

  it('gives the claim back when the server refuses', async () => {
    const { sut, order } = setup({ id: 'd1' });
    sendMail.mockImplementation(async () => {
      order.push('smtp');
      throw new Error('550 mailbox unavailable');
    });
    await expect(sut.sendOnce('k', email)).rejects.toThrow('550');
    expect(order).toEqual(['ensure', 'claim', 'smtp', 'release']);
  });

  it('keeps retrying the record until PostgreSQL answers, without sending again', async () => {
    const { sut, repository } = setup({ id: 'd1' });
    let failures = 2;
    repository.transaction.mockImplementation(async (work: (e: unknown) => Promise<unknown>) => {
      if (failures-- > 0) throw new Error('Connection terminated unexpectedly');
      return work({});
    });
    await expect(sut.sendOnce('k', email)).resolves.toBe('sent');
    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(repository.transaction).toHaveBeenCalledTimes(3);
  });

  it('holds at most SMTP_POOL_SIZE messages between claim and record', async () => {
    const { sut } = setup({ id: 'd1' });
    let inFlight = 0;
    let peak = 0;
    sendMail.mockImplementation(async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    });
    await Promise.all(Array.from({ length: 7 }, (_, i) => sut.sendOnce(`k${i}`, email)));
    expect(peak).toBe(2);
  });

  describe('sendBatch', () => {
    const item = (i: number) => ({
      dedupeKey: `k${i}`,
      email: { ...email, to: `u${i}@example.org` },
      notificationDeliveryId: `nd${i}`,
    });

    /** A repository over an in-memory table of e-mail deliveries, recording every statement. */
    const batchSetup = (initial: Record<string, string> = {}) => {
      const status = new Map(Object.entries(initial));
      const statements: string[] = [];
      let unrecorded = 0;
      let peakUnrecorded = 0;
      const repository = {
        ensureEmailDeliveries: jest.fn(async (rows: { dedupeKey: string }[]) => {
          statements.push(`ensure ${rows.length}`);
          for (const r of rows) if (!status.has(r.dedupeKey)) status.set(r.dedupeKey, 'pending');
        }),
        claimEmails: jest.fn(
          async (
            keys: string[],
          ): Promise<{ dedupe_key: string; claimed_id: string | null; status: string }[]> => {
            statements.push(`claim ${keys.length}`);
            return keys.map((k) => {
              const was = status.get(k)!;
              if (was !== 'pending') return { dedupe_key: k, claimed_id: null, status: was };
              status.set(k, 'sending');
              unrecorded++;
              peakUnrecorded = Math.max(peakUnrecorded, unrecorded);
              return { dedupe_key: k, claimed_id: `id-${k}`, status: was };
            });
          },
        ),
        markEmailsSent: jest.fn(
          async (rows: { id: string; notificationDeliveryId: string | null }[]): Promise<void> => {
            statements.push(`record ${rows.length}`);
            for (const r of rows) status.set(r.id.slice(3), 'sent');
            unrecorded -= rows.length;
          },
        ),
        // One statement doing both (record first, then claim), as PostgreSQL runs it.
        recordAndClaimEmails: jest.fn(
          async (
            rows: { id: string; notificationDeliveryId: string | null }[],
            keys: string[],
          ): Promise<{ dedupe_key: string; claimed_id: string | null; status: string }[]> => {
            await repository.markEmailsSent(rows);
            return repository.claimEmails(keys);
          },
        ),
        markDeliveriesSent: jest.fn(
          async (ids: string[]) => void statements.push(`deliveries ${ids.length}`),
        ),
        releaseEmail: jest.fn(async (id: string) => {
          status.set(id.slice(3), 'pending');
          unrecorded--;
        }),
      };
      sendMail.mockReset();
      sendMail.mockImplementation(async () => new Promise((r) => setTimeout(r, 2)));
      const sut = new MailService(config, repository as unknown as NotificationsRepository);
      return { sut, repository, status, statements, peak: () => peakUnrecorded };
    };

    it('sends each message once, with claims and records grouped into far fewer statements than messages', async () => {
      const { sut, status, statements, repository } = batchSetup();
      const outcome = await sut.sendBatch(Array.from({ length: 40 }, (_, i) => item(i)));
      expect(outcome).toEqual({ sent: 40, alreadySent: 0, inFlightElsewhere: 0, notStarted: 0 });
      expect(sendMail).toHaveBeenCalledTimes(40);
      expect(new Set(sendMail.mock.calls.map(([m]) => m.messageId)).size).toBe(40);
      expect([...status.values()].every((s) => s === 'sent')).toBe(true);
      // One ensure for the batch; claims and records of messages in flight together share a statement.
      expect(statements.filter((s) => s.startsWith('ensure'))).toEqual(['ensure 40']);
      expect(repository.claimEmails.mock.calls.length).toBeLessThan(40);
      expect(repository.markEmailsSent.mock.calls.length).toBeLessThan(40);
      const recorded = repository.markEmailsSent.mock.calls.flatMap(([rows]) => rows);
      expect(recorded.map((r) => r.notificationDeliveryId).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `nd${i}`).sort(),
      );
    });

    it('keeps at most SMTP_POOL_SIZE messages between claim and record (the crash window)', async () => {
      const { sut, peak } = batchSetup();
      await sut.sendBatch(Array.from({ length: 30 }, (_, i) => item(i)));
      expect(peak()).toBeLessThanOrEqual(config.SMTP_POOL_SIZE);
    });

    it('sends nothing already sent (marks its delivery) and nothing another worker holds', async () => {
      const { sut, repository } = batchSetup({ k0: 'sent', k1: 'sending' });
      const outcome = await sut.sendBatch([item(0), item(1), item(2)]);
      expect(outcome).toEqual({ sent: 1, alreadySent: 1, inFlightElsewhere: 1, notStarted: 0 });
      expect(sendMail).toHaveBeenCalledTimes(1);
      expect(repository.markDeliveriesSent).toHaveBeenCalledWith(['nd0']);
    });

    it('gives a refused message back and still sends the rest', async () => {
      const { sut, status } = batchSetup();
      sendMail.mockImplementation(async (m: { to: string }) => {
        if (m.to === 'u1@example.org') throw new Error('550 mailbox unavailable');
      });
      const outcome = await sut.sendBatch([item(0), item(1), item(2)]);
      expect(outcome.sent).toBe(2);
      expect(outcome.failed?.message).toBe('550 mailbox unavailable');
      expect(status.get('k1')).toBe('pending');
    });

    it('retries a failed record until PostgreSQL answers, never sending again', async () => {
      const { sut, repository } = batchSetup();
      let failures = 2;
      const record = repository.markEmailsSent.getMockImplementation()!;
      repository.markEmailsSent.mockImplementation(async (rows) => {
        if (failures-- > 0) throw new Error('Connection terminated unexpectedly');
        return record(rows);
      });
      const outcome = await sut.sendBatch([item(0)]);
      expect(outcome.sent).toBe(1);
      expect(sendMail).toHaveBeenCalledTimes(1);
      expect(repository.markEmailsSent).toHaveBeenCalledTimes(3);
    });

    it('stops starting messages when told to stop, finishing and recording those in flight', async () => {
      const { sut, status } = batchSetup();
      const stop = new AbortController();
      sendMail.mockImplementation(async () => {
        stop.abort();
        await new Promise((r) => setTimeout(r, 2));
      });
      const outcome = await sut.sendBatch(
        Array.from({ length: 10 }, (_, i) => item(i)),
        stop.signal,
      );
      expect(outcome.sent).toBe(config.SMTP_POOL_SIZE);
      expect(outcome.notStarted).toBe(10 - config.SMTP_POOL_SIZE);
      expect([...status.values()].filter((s) => s === 'sent')).toHaveLength(config.SMTP_POOL_SIZE);
      expect([...status.values()].filter((s) => s === 'sending')).toHaveLength(0);
    });
  });
});
