import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { PartnerStatus, ProgrammePartner } from './entities';

const DAY_MS = 86_400_000;

/**
 * The lead hears AGREEMENT_REMINDER_DAYS before a partnership agreement expires. The delayed job's
 * id carries the expiry date, so a changed date schedules a new job and the old one, when it fires,
 * finds the date moved and does nothing; the notification's dedupe key is the job id, so two
 * worker replicas or a retry never send it twice.
 */
@Injectable()
export class AgreementReminderHandlers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.AgreementReminders)
  async schedule({ partnerId }: JobPayload<JobName.AgreementReminders>): Promise<void> {
    const partner = await this.load(partnerId);
    if (
      !partner?.expiresOn ||
      partner.status === PartnerStatus.Declined ||
      partner.status === PartnerStatus.Removed ||
      partner.status === PartnerStatus.Left
    )
      return;
    const fireAt =
      Date.parse(`${partner.expiresOn}T00:00:00Z`) - this.config.AGREEMENT_REMINDER_DAYS * DAY_MS;
    const delay = Math.max(0, fireAt - this.clock.now().getTime());
    await this.jobs.enqueue(
      JobName.AgreementExpiring,
      { partnerId, expiresOn: partner.expiresOn },
      `agreement-expiring:${partnerId}:${partner.expiresOn}`,
      delay,
    );
  }

  @JobHandler(JobName.AgreementExpiring)
  async remind(
    { partnerId, expiresOn }: JobPayload<JobName.AgreementExpiring>,
    meta: { jobId: string },
  ): Promise<void> {
    const partner = await this.load(partnerId);
    if (!partner || partner.expiresOn !== expiresOn || partner.status !== PartnerStatus.Active) return;
    await this.dataSource.transaction((em) =>
      this.notifications.notify(em, {
        type: 'programme.agreement_expiring',
        subject: { type: 'programme', id: partner.programmeId },
        recipients: { programmeManagersOf: partner.programmeId },
        params: {
          organizationName: partner.organizationName,
          programmeTitle: partner.programmeTitle,
          expiresOn,
          reference: partner.reference,
        },
        dedupeKey: meta.jobId,
      }),
    );
  }

  private async load(partnerId: string) {
    const rows: {
      programme_id: string;
      status: PartnerStatus;
      expires_on: string | null;
      reference: string | null;
      organization_name: string;
      programme_title: string;
    }[] = await this.dataSource.query(
      `SELECT pp.programme_id, pp.status, to_char(pp.agreement_expires_on, 'YYYY-MM-DD') AS expires_on, pp.agreement_reference AS reference,
              o.name AS organization_name, p.title AS programme_title
         FROM ${this.dataSource.getMetadata(ProgrammePartner).tableName} pp
         JOIN organizations o ON o.id = pp.organization_id
         JOIN programmes p ON p.id = pp.programme_id
        WHERE pp.id = $1`,
      [partnerId],
    );
    const r = rows[0];
    return r
      ? {
          programmeId: r.programme_id,
          status: r.status,
          expiresOn: r.expires_on,
          reference: r.reference ?? '',
          organizationName: r.organization_name,
          programmeTitle: r.programme_title,
        }
      : null;
  }
}
