import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tandem/core';
import { createTransport, Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { EntityManager } from 'typeorm';
import { NotificationsRepository } from './notifications.repository';
import { RenderedEmail } from './templates/layout';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  template: string;
}

/**
 * The delivery is being sent by another worker (its lease has not run out): retry later. Thrown so
 * a job handler that does not expect it simply fails and is retried with backoff.
 */
export class EmailInFlightError extends Error {
  constructor(readonly dedupeKey: string) {
    super(`e-mail ${dedupeKey} is being sent by another worker; retry after its lease`);
    this.name = 'EmailInFlightError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends e-mail over pooled SMTP connections (nodemailer pool, SMTP_POOL_SIZE connections,
 * SMTP_RATE_LIMIT messages per second), at most once per dedupe key:
 *
 * 1. claim: the delivery row goes `pending → sending` with a lease (EMAIL_LEASE_MS), committed
 *    BEFORE the SMTP exchange, so nobody else (a retry, a replica, a job BullMQ thinks stalled
 *    while Redis was away) starts the same message;
 * 2. the SMTP exchange;
 * 3. right after the server's 250, `sent` in its own short transaction (with the caller's marks),
 *    retried until PostgreSQL answers: a database outage delays the mark, it never lets the
 *    message be claimed again while this process lives.
 *
 * So SIGTERM, Redis or PostgreSQL outages never send a second copy. Only a crash (SIGKILL, power)
 * between the start of the exchange and the mark can: that message is claimed again when its
 * lease runs out and re-sent with the same Message-ID (derived from the key). A process holds at
 * most SMTP_POOL_SIZE messages between claim and record, so that is the most a crash can repeat.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly host: string;
  /** Messages claimed and not yet recorded, per process: at most SMTP_POOL_SIZE (the crash window). */
  private slotsFree: number;
  private readonly slotWaiters: (() => void)[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
  ) {
    const timeout = Math.min(60_000, Math.floor(config.EMAIL_LEASE_MS / 2));
    this.transport = createTransport(
      new SMTPPool({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: config.SMTP_POOL_SIZE,
        maxMessages: 1000,
        ...(config.SMTP_RATE_LIMIT > 0 ? { rateLimit: config.SMTP_RATE_LIMIT, rateDelta: 1000 } : {}),
        connectionTimeout: Math.min(timeout, 30_000),
        greetingTimeout: Math.min(timeout, 30_000),
        socketTimeout: timeout,
      }),
      { from: config.MAIL_FROM },
    );
    this.host = new URL(config.PUBLIC_URL).hostname || 'tandem';
    this.slotsFree = config.SMTP_POOL_SIZE;
  }

  private async acquireSlot(): Promise<void> {
    if (this.slotsFree > 0) {
      this.slotsFree--;
      return;
    }
    await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.slotsFree++;
  }

  /** The Message-ID of a dedupe key: the same on every attempt, so receivers can de-duplicate. */
  messageIdOf(dedupeKey: string): string {
    return `<${dedupeKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${this.host}>`;
  }

  /**
   * Sends unless this key's message was already accepted. `alsoMark` runs in the transaction that
   * records the 250 (e.g. the notification delivery's own status); not when it was already sent. Throws EmailInFlightError when
   * another worker holds the delivery.
   */
  async sendOnce(
    dedupeKey: string,
    email: OutgoingEmail,
    alsoMark?: (em: EntityManager) => Promise<void>,
  ): Promise<'sent' | 'already-sent'> {
    // A slot is held from the claim to the record, so at most SMTP_POOL_SIZE messages per process
    // are ever claimed and unrecorded: that bounds what a crash can repeat.
    await this.acquireSlot();
    try {
      return await this.claimSendRecord(dedupeKey, email, alsoMark);
    } finally {
      this.releaseSlot();
    }
  }

  private async claimSendRecord(
    dedupeKey: string,
    email: OutgoingEmail,
    alsoMark?: (em: EntityManager) => Promise<void>,
  ): Promise<'sent' | 'already-sent'> {
    await this.repository.ensureEmailDelivery(dedupeKey, email.to, email.template);
    const claim = await this.repository.claimEmail(dedupeKey, this.config.EMAIL_LEASE_MS);
    if (!claim) {
      const status = await this.repository.emailStatus(dedupeKey);
      if (status === 'sent') return 'already-sent';
      throw new EmailInFlightError(dedupeKey);
    }
    const messageId = this.messageIdOf(dedupeKey);
    try {
      await this.transport.sendMail({
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId,
      });
    } catch (err) {
      // Not accepted: give the claim back so a retry may send it (the lease covers a failed release).
      await this.repository.releaseEmail(claim.id, String((err as Error).message)).catch(() => undefined);
      throw err;
    }
    await this.markSent(claim.id, messageId, alsoMark);
    this.logger.log({ msg: 'email sent', template: email.template, deliveryId: claim.id });
    return 'sent';
  }

  /** Retried until PostgreSQL answers: the server has the message, so it must never be claimed again. */
  private async markSent(
    id: string,
    messageId: string,
    alsoMark?: (em: EntityManager) => Promise<void>,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.repository.transaction(async (em) => {
          await this.repository.markEmailSent(em, id, messageId);
          if (alsoMark) await alsoMark(em);
        });
        if (attempt) this.logger.log({ msg: 'e-mail marked sent after retries', id, attempts: attempt + 1 });
        return;
      } catch (err) {
        if (attempt % 10 === 0)
          this.logger.warn({
            msg: 'e-mail accepted by SMTP but not yet recorded; retrying',
            id,
            err: (err as Error).message,
          });
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
      }
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
