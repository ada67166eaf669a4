import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobHandler, JobName, JobPayload } from '@tandem/core';
import { MailService, pickLanguage, renderInvitationEmail } from '@tandem/notifications';
import { DataSource } from 'typeorm';
import { Invitation } from './entities';
import { invitationToken } from './invitation-token';
import { invitationStatus } from './invitations.service';

/** Sends the invitation e-mail. Runs in the worker; safe to run twice (one e-mail per invitation). */
@Injectable()
export class InvitationEmailHandler {
  private readonly logger = new Logger(InvitationEmailHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.InvitationEmail)
  async handle({ invitationId }: JobPayload<JobName.InvitationEmail>): Promise<void> {
    const invitation = await this.dataSource.getRepository(Invitation).findOne({
      where: { id: invitationId },
      relations: { invitedBy: true },
    });
    if (!invitation || invitationStatus(invitation, this.clock.now()) !== 'pending') {
      this.logger.log({ msg: 'invitation no longer pending; no e-mail', invitationId });
      return;
    }
    const organization = await this.dataSource
      .getRepository<{ id: string; name: string }>('Organization')
      .findOneByOrFail({ id: invitation.organizationId });
    const token = invitationToken(this.config.JWT_REFRESH_SECRET, invitation.id);
    const acceptUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/invitations/${token}`;
    const rendered = renderInvitationEmail(pickLanguage(invitation.language), {
      organizationName: organization.name,
      inviterName: invitation.invitedBy?.name ?? null,
      role: invitation.role,
      acceptUrl,
      expiresAt: invitation.expiresAt,
    });
    await this.mail.sendOnce(`invitation:${invitation.id}`, {
      ...rendered,
      to: invitation.email,
      template: 'invitation',
    });
  }
}
