import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Runs a query: the data source, or a transaction's manager. */
type Queryable = Pick<EntityManager, 'query'>;

export interface PendingEmailRow {
  delivery_id: string;
  status: string;
  notification_id: string;
  title: string;
  body: string;
  subject_type: string;
  subject_id: string;
  type: string;
  email: string;
  preferred_language: string;
}

/** Who an event reaches (resolved in SQL by FAN_OUT_RECIPIENTS_SQL). */
export interface FanOutRecipients {
  userIds: string[];
  organizationIds: string[];
  organizationAdminsOf: string[];
  programmeManagersOf: string | null;
  exceptUserId: string | null;
  allOrganizationMembers: boolean;
  languagesIn: string[] | null;
  languagesNotIn: string[] | null;
}

export interface FanOutInsert extends FanOutRecipients {
  type: string;
  /** Rendered texts as JSON: {language: {timeZone: {title, body}}}, with 'UTC' for every language. */
  textsJson: string;
  subjectType: string;
  subjectId: string;
  eventKey: string;
  fanOutId: string;
}

/** A (language, time zone) pair some recipients of a fan-out share. */
export interface FanOutReading {
  language: string;
  timeZone: string;
}

/** The enabled recipients of a fan-out with how they read, from parameters $1–$8 (fanOutRecipientParams). */
const FAN_OUT_RECIPIENTS_SQL = `recipients AS (
         SELECT u.id AS user_id, u.preferred_language, u.time_zone
           FROM (SELECT unnest($1::uuid[]) AS user_id
                 UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($2::uuid[])
                 UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($3::uuid[]) AND m.role = 'org_admin'
                 UNION SELECT m.user_id FROM programmes p JOIN memberships m ON m.organization_id = p.lead_organization_id AND m.role = 'org_admin' WHERE p.id = $4::uuid
                 UNION SELECT pm.user_id FROM programme_managers pm WHERE pm.programme_id = $4::uuid
                 UNION SELECT m.user_id FROM memberships m WHERE $6::boolean) r
           JOIN users u ON u.id = r.user_id AND u.disabled_at IS NULL
          WHERE r.user_id IS DISTINCT FROM $5::uuid
            AND ($7::text[] IS NULL OR u.preferred_language = ANY($7::text[]))
            AND ($8::text[] IS NULL OR NOT (u.preferred_language = ANY($8::text[])))
       )`;

const fanOutRecipientParams = (p: FanOutRecipients): unknown[] => [
  p.userIds,
  p.organizationIds,
  p.organizationAdminsOf,
  p.programmeManagersOf,
  p.exceptUserId,
  p.allOrganizationMembers,
  p.languagesIn,
  p.languagesNotIn,
];

export interface DigestUser {
  id: string;
  email: string;
  preferred_language: string;
  time_zone: string;
}

export interface DigestItemRow {
  id: string;
  title: string;
  subject_type: string;
  subject_id: string;
  created_at: Date;
}

/** The cadence of a notification for its recipient: their choice for the type, else their default. */
const CADENCE_SQL = `COALESCE(np.email_by_type ->> n.type, np.email_default)`;

/**
 * Records e-mails the server accepted ($1 ids, $2 message ids) and their notification deliveries
 * ($3) as sent: two CTEs, `emails` and `notified`, for a statement to start with.
 */
const RECORD_SENT_SQL = `emails AS (
         UPDATE email_deliveries e
            SET status = 'sent', sent_at = now(), message_id = u.message_id, lease_until = NULL, last_error = NULL
           FROM unnest($1::uuid[], $2::text[]) AS u(id, message_id)
          WHERE e.id = u.id
         RETURNING e.id
       ), notified AS (
         UPDATE notification_deliveries d SET status = 'sent', sent_at = now()
           FROM unnest($3::uuid[]) AS x(id)
          WHERE d.id = x.id AND d.status = 'pending'
         RETURNING d.id
       )`;

/**
 * Claims the pending (or lease-expired) e-mails of the dedupe keys in parameter `keys` for a lease of
 * parameter `lease` seconds, skipping rows another transaction is claiming, and selects per key the
 * claimed id or null with its status: CTEs `candidates` and `claimed`, then the final SELECT.
 */
const claimSql = (keys: string, lease: string) => `candidates AS (
         SELECT id FROM email_deliveries
          WHERE dedupe_key = ANY(${keys}::text[])
            AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
          ORDER BY id FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE email_deliveries e
            SET status = 'sending', lease_until = now() + make_interval(secs => ${lease}), attempts = e.attempts + 1
           FROM candidates c WHERE e.id = c.id
         RETURNING e.id, e.dedupe_key
       )
       SELECT e.dedupe_key, c.id AS claimed_id, e.status
         FROM email_deliveries e LEFT JOIN claimed c ON c.dedupe_key = e.dedupe_key
        WHERE e.dedupe_key = ANY(${keys}::text[])`;

/**
 * Every query of the sending side of notifications: fan-out, e-mail deliveries (claim, lease, mark
 * sent), batch slices and digests. Worker-only: none of it is scoped by an actor, because the
 * recipients were resolved when the event was written.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- e-mail deliveries (one row per message that must go out once) ---

  async ensureEmailDelivery(dedupeKey: string, recipient: string, template: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO email_deliveries (dedupe_key, recipient, template) VALUES ($1, $2, $3)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [dedupeKey, recipient, template],
    );
  }

  /**
   * Claims the delivery for one SMTP exchange, committed before it starts: `pending`, or `sending`
   * whose lease ran out (its sender died mid-exchange). Null when it is sent or leased to another.
   */
  async claimEmail(dedupeKey: string, leaseMs: number): Promise<{ id: string } | null> {
    const rows = (await this.dataSource.query(
      `UPDATE email_deliveries
          SET status = 'sending', lease_until = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE dedupe_key = $1
          AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
        RETURNING id`,
      [dedupeKey, leaseMs / 1000],
    )) as [{ id: string }[], number] | { id: string }[];
    const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[]);
    return list[0] ?? null;
  }

  async emailStatus(dedupeKey: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT status FROM email_deliveries WHERE dedupe_key = $1`, [
      dedupeKey,
    ])) as { status: string }[];
    return rows[0]?.status ?? null;
  }

  /** After the SMTP server's 250: sent, in the same short transaction as the caller's own marks. */
  async markEmailSent(em: Queryable, id: string, messageId: string): Promise<void> {
    await em.query(
      `UPDATE email_deliveries
          SET status = 'sent', sent_at = now(), message_id = $2, lease_until = NULL, last_error = NULL
        WHERE id = $1`,
      [id, messageId],
    );
  }

  /** The server refused or the connection failed: nothing was accepted, so it may be claimed again. */
  async releaseEmail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'pending', lease_until = NULL, last_error = $2
        WHERE id = $1 AND status = 'sending'`,
      [id, error.slice(0, 1000)],
    );
  }

  /** One `email_deliveries` row per message of a batch, in one statement (existing keys untouched). */
  async ensureEmailDeliveries(
    rows: { dedupeKey: string; recipient: string; template: string }[],
  ): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.query(
      `INSERT INTO email_deliveries (dedupe_key, recipient, template)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [rows.map((r) => r.dedupeKey), rows.map((r) => r.recipient), rows.map((r) => r.template)],
    );
  }

  /**
   * `claimEmail` for several keys in one statement: per key, the claimed delivery's id, or null with
   * the status it had (sent: nothing to do; anything else: another worker holds it). Rows another
   * transaction is claiming right now are skipped (SKIP LOCKED, in id order), never waited on, so two
   * claimers of overlapping keys cannot deadlock; those count as held elsewhere.
   */
  async claimEmails(
    dedupeKeys: string[],
    leaseMs: number,
  ): Promise<{ dedupe_key: string; claimed_id: string | null; status: string }[]> {
    return (await this.dataSource.query(`WITH ${claimSql('$1', '$2')}`, [dedupeKeys, leaseMs / 1000])) as {
      dedupe_key: string;
      claimed_id: string | null;
      status: string;
    }[];
  }

  /**
   * After the servers' 250s: the e-mails sent and their notification deliveries sent, for a group of
   * messages in ONE statement (so atomic without a transaction block).
   */
  async markEmailsSent(
    sent: { id: string; messageId: string; notificationDeliveryId: string | null }[],
  ): Promise<void> {
    const deliveries = sent.map((s) => s.notificationDeliveryId).filter((d): d is string => !!d);
    await this.dataSource.query(
      `WITH ${RECORD_SENT_SQL}
       SELECT count(*) FROM notified`,
      [sent.map((s) => s.id), sent.map((s) => s.messageId), deliveries],
    );
  }

  /**
   * `markEmailsSent` for `sent` and `claimEmails` for `dedupeKeys` in ONE statement: a sender that
   * has just had its 250 records that message and claims its next one in a single round trip. The
   * record and the claim commit together, so a sender never holds more than one message claimed
   * and unrecorded. Claim results as `claimEmails`.
   */
  async recordAndClaimEmails(
    sent: { id: string; messageId: string; notificationDeliveryId: string | null }[],
    dedupeKeys: string[],
    leaseMs: number,
  ): Promise<{ dedupe_key: string; claimed_id: string | null; status: string }[]> {
    const deliveries = sent.map((s) => s.notificationDeliveryId).filter((d): d is string => !!d);
    return (await this.dataSource.query(`WITH ${RECORD_SENT_SQL}, ${claimSql('$4', '$5')}`, [
      sent.map((s) => s.id),
      sent.map((s) => s.messageId),
      deliveries,
      dedupeKeys,
      leaseMs / 1000,
    ])) as { dedupe_key: string; claimed_id: string | null; status: string }[];
  }

  /** Notification deliveries whose e-mail an earlier attempt already sent. */
  async markDeliveriesSent(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [deliveryIds],
    );
  }

  // --- notification e-mail batches ---

  /** A fixed slice of one fan-out's e-mail deliveries (ordered by id; the set never changes after commit). */
  async emailSlice(fanOutId: string, offset: number, limit: number): Promise<PendingEmailRow[]> {
    return (await this.dataSource.query(
      `SELECT d.id AS delivery_id, d.status, n.id AS notification_id, n.title, n.body, n.subject_type,
              n.subject_id, n.type, u.email, u.preferred_language
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         JOIN users u ON u.id = n.user_id
        WHERE d.fan_out_id = $1 AND d.channel = 'email'
        ORDER BY d.id
        OFFSET $2 LIMIT $3`,
      [fanOutId, offset, limit],
    )) as PendingEmailRow[];
  }

  async markDeliverySent(em: Queryable, deliveryId: string): Promise<void> {
    await em.query(
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now() WHERE id = $1 AND status = 'pending'`,
      [deliveryId],
    );
  }

  // --- fan-out ---

  /**
   * One notification per recipient and one e-mail delivery per recipient who wants the type now, in
   * one statement; unique (user, dedupe key) and (notification, channel) make a retry insert nothing.
   */
  /**
   * The distinct (language, time zone) pairs among a fan-out's recipients: the handler renders the
   * texts once per pair, so a thousand readers sharing a zone cost one render, not a thousand.
   */
  async fanOutReadings(em: Queryable, p: FanOutRecipients): Promise<FanOutReading[]> {
    return (await em.query(
      `WITH ${FAN_OUT_RECIPIENTS_SQL}
       SELECT DISTINCT preferred_language AS language, time_zone AS "timeZone" FROM recipients
        ORDER BY 1, 2`,
      fanOutRecipientParams(p),
    )) as FanOutReading[];
  }

  async insertFanOut(
    em: Queryable,
    p: FanOutInsert,
  ): Promise<{ notifications: string; deliveries: string } | undefined> {
    // $10 is {language: {timeZone: {title, body}}}; a pair missing from it (a reader who changed
    // their preferences meanwhile) reads their language in UTC, then English in UTC.
    const text = (field: string) =>
      `COALESCE($10::jsonb -> r.preferred_language -> r.time_zone, $10::jsonb -> r.preferred_language -> 'UTC',
                $10::jsonb -> 'en' -> 'UTC') ->> '${field}'`;
    const rows = (await em.query(
      `WITH ${FAN_OUT_RECIPIENTS_SQL},
       inserted AS (
         INSERT INTO notifications (user_id, type, title, body, subject_type, subject_id, dedupe_key)
         SELECT r.user_id, $9::text, ${text('title')}, ${text('body')}, $11::text, $12::uuid, $13::text
           FROM recipients r
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id, user_id
       ),
       deliveries AS (
         INSERT INTO notification_deliveries (notification_id, channel, fan_out_id)
         SELECT i.id, 'email', $14::text
           FROM inserted i LEFT JOIN notification_preferences np ON np.user_id = i.user_id
          WHERE COALESCE(np.email_by_type ->> $9::text, np.email_default, 'immediate') = 'immediate'
         ON CONFLICT (notification_id, channel) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT count(*) FROM inserted) AS notifications, (SELECT count(*) FROM deliveries) AS deliveries`,
      [...fanOutRecipientParams(p), p.type, p.textsJson, p.subjectType, p.subjectId, p.eventKey, p.fanOutId],
    )) as { notifications: string; deliveries: string }[];
    return rows[0];
  }

  /**
   * Webhooks of organisations one of whose members got this event (also on a retry, when the
   * notifications already exist), for endpoints subscribed to the type.
   */
  async insertWebhookDeliveries(em: Queryable, eventKey: string, type: string, body: string): Promise<void> {
    await em.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_key, event_type, body)
       SELECT w.id, $1::text, $2::text, $3::text FROM webhooks w
        WHERE w.enabled AND $2::text = ANY(w.event_types)
          AND EXISTS (SELECT 1 FROM notifications n JOIN memberships m ON m.user_id = n.user_id
                       WHERE n.dedupe_key = $1::text AND n.type = $2::text AND m.organization_id = w.organization_id)
       ON CONFLICT (webhook_id, event_key) DO NOTHING`,
      [eventKey, type, body],
    );
  }

  async countDeliveries(fanOutId: string): Promise<number> {
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification_deliveries WHERE fan_out_id = $1`,
      [fanOutId],
    )) as { count: number }[];
    return count;
  }

  async pendingWebhookDeliveries(eventKey: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE event_key = $1 AND status = 'pending'`,
      [eventKey],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // --- digests ---

  /** Users after `after` whose local time at `now` is 08:xx and who wait for a digest. */
  async digestUsersDue(after: string, now: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.id FROM users u JOIN notification_preferences np ON np.user_id = u.id
        WHERE u.disabled_at IS NULL AND u.id > $1
          AND extract(hour FROM ($2::timestamptz AT TIME ZONE u.time_zone)) = 8
          AND EXISTS (
            SELECT 1 FROM notifications n
             WHERE n.user_id = u.id AND n.read_at IS NULL AND n.digested_at IS NULL
               AND (${CADENCE_SQL} = 'daily_digest'
                    OR (${CADENCE_SQL} = 'weekly_digest'
                        AND extract(isodow FROM ($2::timestamptz AT TIME ZONE u.time_zone)) = 1)))
        ORDER BY u.id LIMIT $3`,
      [after, now.toISOString(), limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async digestUsers(userIds: string[]): Promise<DigestUser[]> {
    return (await this.dataSource.query(
      `SELECT id, email, preferred_language, time_zone FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY id`,
      [userIds],
    )) as DigestUser[];
  }

  async digestItems(userId: string, cadence: string): Promise<DigestItemRow[]> {
    return (await this.dataSource.query(
      `SELECT n.id, n.title, n.subject_type, n.subject_id, n.created_at
         FROM notifications n JOIN notification_preferences np ON np.user_id = n.user_id
        WHERE n.user_id = $1 AND n.read_at IS NULL AND n.digested_at IS NULL AND ${CADENCE_SQL} = $2
        ORDER BY n.created_at DESC, n.id DESC`,
      [userId, cadence],
    )) as DigestItemRow[];
  }

  async markDigested(em: Queryable, notificationIds: string[]): Promise<void> {
    await em.query(`UPDATE notifications SET digested_at = now() WHERE id = ANY($1::uuid[])`, [
      notificationIds,
    ]);
  }
}
