import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload, JobQueueService } from '@tandem/core';
import { NotificationsService } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { PartnerStatus } from './entities';
import { PartnersRepository } from './partners.repository';

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
    private readonly partners: PartnersRepository,
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

  private load(partnerId: string) {
    return this.partners.agreementSubject(partnerId);
  }
}
