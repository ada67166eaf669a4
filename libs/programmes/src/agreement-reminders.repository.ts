import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A partner whose agreement reminder a sweep batch has just claimed: what the notification needs. */
export interface ClaimedAgreementReminder {
  id: string;
  programmeId: string;
  organizationId: string;
  programmeTitle: string;
  /** YYYY-MM-DD */
  expiresOn: string;
  reference: string;
}

/**
 * The agreement reminder sweep's SQL over `programme_partners`: the expiry date is the row's own
 * (`agreement_expires_on`); `agreement_reminder_for` holds the date the managers were reminded of, so
 * a changed date is pending again by itself.
 */
@Injectable()
export class AgreementRemindersRepository {
  /**
   * Claims up to `limit` active partners whose agreement expires on or before `dueBy` (today +
   * AGREEMENT_REMINDER_DAYS, UTC) and whose managers were not reminded of this date, oldest first,
   * and stamps them reminded of it, skipping rows another sweep or an edit holds (FOR UPDATE SKIP
   * LOCKED: two sweeps never claim one twice nor wait on each other). The caller writes the
   * notifications in the same transaction. Served by the partial index
   * `idx_programme_partners_agreement_reminder_pending`; `updated_at` is left alone (bookkeeping).
   */
  async claimDue(em: EntityManager, dueBy: string, limit: number): Promise<ClaimedAgreementReminder[]> {
    // Locked first, stamped only when some are due: an UPDATE fires the table's statement-level
    // change trigger even when it changes no row, and every api replica would drop its cached reads
    // on each idle sweep (migration 1797000000000-ReadChangeNotify).
    const batch = await em.query<{ id: string }[]>(
      `SELECT id FROM programme_partners
        WHERE status = 'active' AND agreement_expires_on IS NOT NULL
          AND agreement_reminder_for IS DISTINCT FROM agreement_expires_on
          AND agreement_expires_on <= $1::date
        ORDER BY agreement_expires_on, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [dueBy, limit],
    );
    if (!batch.length) return [];
    // A final SELECT, not a bare UPDATE … RETURNING, which TypeORM answers as [rows, count].
    return em.query(
      `WITH claimed AS (
         UPDATE programme_partners pp SET agreement_reminder_for = pp.agreement_expires_on
          WHERE pp.id = ANY($1::uuid[])
         RETURNING pp.id, pp.programme_id, pp.organization_id, pp.agreement_expires_on,
                   pp.agreement_reference
       )
       SELECT c.id, c.programme_id AS "programmeId", c.organization_id AS "organizationId",
              p.title AS "programmeTitle", to_char(c.agreement_expires_on, 'YYYY-MM-DD') AS "expiresOn",
              COALESCE(c.agreement_reference, '') AS reference
         FROM claimed c JOIN programmes p ON p.id = c.programme_id
        ORDER BY c.agreement_expires_on, c.id`,
      [batch.map((r) => r.id)],
    );
  }
}
