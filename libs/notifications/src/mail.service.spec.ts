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
});
