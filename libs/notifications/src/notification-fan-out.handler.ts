import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobHandler, JobName, JobPayload } from '@tandem/core';
import { DataSource } from 'typeorm';
import { renderNotification } from './notification-texts';

/**
 * One notification per recipient, in a single INSERT … SELECT: recipients are resolved in the
 * database, so an event for ten thousand people is one statement, not ten thousand round trips.
 * The unique (user, dedupe key) index makes a retried job insert nothing twice.
 */
@Injectable()
export class NotificationFanOutHandler {
  private readonly logger = new Logger(NotificationFanOutHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @JobHandler(JobName.NotificationFanOut)
  async handle(request: JobPayload<JobName.NotificationFanOut>, meta: { jobId: string }): Promise<void> {
    const { title, body } = renderNotification(request.type, request.params);
    const r = request.recipients;
    const result: unknown = await this.dataSource.query(
      `WITH recipients AS (
         SELECT unnest($1::uuid[]) AS user_id
         UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($2::uuid[])
         UNION SELECT m.user_id FROM memberships m WHERE m.organization_id = ANY($3::uuid[]) AND m.role = 'org_admin'
         UNION SELECT m.user_id FROM programmes p JOIN memberships m ON m.organization_id = p.lead_organization_id AND m.role = 'org_admin' WHERE p.id = $4::uuid
         UNION SELECT pm.user_id FROM programme_managers pm WHERE pm.programme_id = $4::uuid
         UNION SELECT m.user_id FROM memberships m WHERE $12::boolean
       )
       INSERT INTO notifications (user_id, type, title, body, subject_type, subject_id, dedupe_key)
       SELECT r.user_id, $5, $6, $7, $8, $9, $10
         FROM recipients r JOIN users u ON u.id = r.user_id AND u.disabled_at IS NULL
        WHERE r.user_id IS DISTINCT FROM $11::uuid
          AND ($13::text[] IS NULL OR u.preferred_language = ANY($13::text[]))
          AND ($14::text[] IS NULL OR NOT (u.preferred_language = ANY($14::text[])))
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [
        r.userIds ?? [],
        r.organizationIds ?? [],
        r.organizationAdminsOf ?? [],
        r.programmeManagersOf ?? null,
        request.type,
        title.slice(0, 300),
        body,
        request.subject.type,
        request.subject.id,
        request.dedupeKey ?? meta.jobId,
        r.exceptUserId ?? null,
        r.allOrganizationMembers === true,
        r.languages?.in ?? null,
        r.languages?.notIn ?? null,
      ],
    );
    const inserted = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : undefined;
    this.logger.log({ msg: 'notifications fanned out', type: request.type, inserted });
  }
}
