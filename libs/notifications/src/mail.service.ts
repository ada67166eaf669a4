import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, SpanKind, withSpan } from '@tandem/core';
import { createTransport, Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { EntityManager } from 'typeorm';
import { GroupCommit } from './group-commit';
import { NotificationsRepository } from './notifications.repository';
import { smtpSocketWithoutNagle } from './smtp-socket';
import { RenderedEmail } from './templates/layout';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  template: string;
}

/** One message of a batch; `notificationDeliveryId` is marked sent with it. */
export interface BatchEmail {
  dedupeKey: string;
  email: OutgoingEmail;
  notificationDeliveryId: string | null;
}

export interface BatchOutcome {
  /** Accepted by the server and recorded. */
  sent: number;
  /** Already sent by an earlier attempt: only its notification delivery was marked. */
  alreadySent: number;
  /** Held by another worker's unexpired lease: to retry later. */
  inFlightElsewhere: number;
  /** Not started because the worker is stopping (the caller hands them back as a new job). */
  notStarted: number;
  /** The last refusal or error (the others of the batch still went out). */
  failed?: Error;
}

type ClaimResult = { id: string } | 'sent' | 'held';

/** A message the server has accepted, to be recorded sent. */
interface Accepted {
  id: string;
  messageId: string;
  notificationDeliveryId: string | null;
}

/** One claim of a batch sender, with the record of its previous message when it has one. */
interface ClaimOp {
  key: string;
  record: Accepted | null;
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

/** Messages a batch sender sends in a row before it lets another batch's sender have its slot. */
const SLOT_TURN = 20;

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
  /** Waiters for a slot that send one message each (sendOnce: invitations, single e-mails). */
  private singleWaiting = 0;
  /**
   * Batch sending: concurrent claims of this process go to PostgreSQL as one statement, each with
   * the record of its sender's previous message (one round trip per message, not two); records
   * with no claim after them (the last of a sender's run) go in a statement of their own.
   */
  private readonly claims: GroupCommit<ClaimOp, ClaimResult>;
  private readonly records: GroupCommit<Accepted, undefined>;

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
        maxMessages: config.SMTP_MAX_MESSAGES,
        ...(config.SMTP_RATE_LIMIT > 0
          ? { rateLimit: config.SMTP_RATE_LIMIT, rateDelta: config.SMTP_RATE_DELTA_MS }
          : {}),
        connectionTimeout: Math.min(timeout, 30_000),
        getSocket: smtpSocketWithoutNagle(Math.min(timeout, 30_000)),
        greetingTimeout: Math.min(timeout, 30_000),
        socketTimeout: timeout,
      }),
      { from: config.MAIL_FROM },
    );
    this.host = new URL(config.PUBLIC_URL).hostname || 'tandem';
    this.slotsFree = config.SMTP_POOL_SIZE;
    this.claims = new GroupCommit(async (ops) => {
      const keys = ops.map((o) => o.key);
      const recorded = ops.flatMap((o) => (o.record ? [o.record] : []));
      let rows: Awaited<ReturnType<NotificationsRepository['claimEmails']>>;
      if (!recorded.length) rows = await this.repository.claimEmails(keys, this.config.EMAIL_LEASE_MS);
      else
        try {
          rows = await this.repository.recordAndClaimEmails(recorded, keys, this.config.EMAIL_LEASE_MS);
        } catch (err) {
          // The records must land whatever happens: alone, retried until PostgreSQL answers; the
          // claims fail (nothing was claimed: the statement is atomic).
          await this.retryUntilRecorded(recorded.map((x) => x.id).join(','), () =>
            this.repository.markEmailsSent(recorded),
          );
          throw err;
        }
      const byKey = new Map(rows.map((r) => [r.dedupe_key, r]));
      return keys.map((k): ClaimResult => {
        const row = byKey.get(k);
        if (row?.claimed_id) return { id: row.claimed_id };
        return row?.status === 'sent' ? 'sent' : 'held';
      });
    });
    this.records = new GroupCommit(async (sent) => {
      await this.retryUntilRecorded(sent.map((x) => x.id).join(','), () =>
        this.repository.markEmailsSent(sent),
      );
      return sent.map(() => undefined);
    });
  }

  private async acquireSlot(single = false): Promise<void> {
    if (this.slotsFree > 0) {
      this.slotsFree--;
      return;
    }
    if (single) this.singleWaiting++;
    try {
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    } finally {
      if (single) this.singleWaiting--;
    }
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
    await this.acquireSlot(true);
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
    await this.exchange(email, messageId, claim.id);
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
    await this.retryUntilRecorded(id, () =>
      this.repository.transaction(async (em) => {
        await this.repository.markEmailSent(em, id, messageId);
        if (alsoMark) await alsoMark(em);
      }),
    );
  }

  private async retryUntilRecorded(id: string, record: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await record();
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

  /**
   * Sends a batch with the same promise as `sendOnce`, message by message, SMTP_POOL_SIZE at a time
   * (one per pooled connection), but with a handful of statements per batch instead of six per
   * message: the deliveries' rows are ensured in one statement, and the claims and the records of
   * the messages in flight at the same moment (across all batches of this process) are grouped into
   * one statement each (GroupCommit), a sender's record of its last message sharing the statement
   * of its next claim. A message still holds its slot from its claim until its record has
   * committed, so at most SMTP_POOL_SIZE messages per process are ever claimed and unrecorded: the
   * crash window is unchanged. Stops starting messages when `stopping` fires.
   */
  async sendBatch(items: BatchEmail[], stopping?: AbortSignal): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { sent: 0, alreadySent: 0, inFlightElsewhere: 0, notStarted: 0 };
    await this.repository.ensureEmailDeliveries(
      items.map((i) => ({ dedupeKey: i.dedupeKey, recipient: i.email.to, template: i.email.template })),
    );
    const alreadySent: string[] = [];
    let next = 0;
    const more = () => next < items.length && !stopping?.aborted;
    // A sender keeps its slot from one message to the next: its next claim goes in the same
    // statement as the record of the message just accepted, so it still holds at most one message
    // claimed and unrecorded, for one round trip per message instead of two. It hands the slot
    // over at once to a single message waiting (an invitation), and every SLOT_TURN messages to
    // other batches' senders.
    const lane = async (): Promise<void> => {
      let holding = false;
      let turn = 0;
      let accepted: Accepted | null = null;
      try {
        while (more()) {
          if (holding && (this.singleWaiting > 0 || (turn >= SLOT_TURN && this.slotWaiters.length))) {
            // Someone else (an invitation, another batch) waits: record, then hand the slot over.
            if (accepted) await this.records.submit(accepted);
            accepted = null;
            this.releaseSlot();
            holding = false;
          }
          if (!holding) {
            await this.acquireSlot();
            holding = true;
            turn = 0;
            if (!more()) break;
          }
          const item = items[next++];
          turn++;
          const previous = accepted;
          accepted = null;
          try {
            const claim = await this.claims.submit({ key: item.dedupeKey, record: previous });
            if (claim === 'held') {
              outcome.inFlightElsewhere++;
              continue;
            }
            if (claim === 'sent') {
              outcome.alreadySent++;
              if (item.notificationDeliveryId) alreadySent.push(item.notificationDeliveryId);
              continue;
            }
            const messageId = this.messageIdOf(item.dedupeKey);
            await this.exchange(item.email, messageId, claim.id);
            accepted = { id: claim.id, messageId, notificationDeliveryId: item.notificationDeliveryId };
            outcome.sent++;
            this.logger.log({ msg: 'email sent', template: item.email.template, deliveryId: claim.id });
          } catch (err) {
            // Keep going: one bad mailbox must not hold up the rest of the batch.
            outcome.failed = err as Error;
          }
        }
      } finally {
        if (accepted) await this.records.submit(accepted); // retried until PostgreSQL answers
        if (holding) this.releaseSlot();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.config.SMTP_POOL_SIZE) }, lane));
    outcome.notStarted = items.length - next;
    await this.repository.markDeliveriesSent(alreadySent);
    return outcome;
  }

  /** The SMTP exchange; on refusal the claim is given back (the lease covers a failed release). */
  private async exchange(email: OutgoingEmail, messageId: string, claimId: string): Promise<void> {
    try {
      // Tracing: the SMTP exchange as a client span of the job that sends it.
      await withSpan(
        'smtp.send',
        () =>
          this.transport.sendMail({
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            messageId,
          }),
        {
          kind: SpanKind.CLIENT,
          attributes: { 'tandem.email.template': email.template, 'tandem.email.message_id': messageId },
        },
      );
    } catch (err) {
      await this.repository.releaseEmail(claimId, String((err as Error).message)).catch(() => undefined);
      throw err;
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
