import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvitationReader } from '@tandem/auth';
import { AppConfig, Clock, DatabaseJobHandlers, JobHandler, JobName, JobPayload } from '@tandem/core';
import { OrganizationsRepository } from '@tandem/stakeholders';
import { DataSource } from 'typeorm';
import { MailService } from './mail.service';
import { renderInvitationEmail } from './templates/invitation.template';
import { pickLanguage } from './templates/layout';

/**
 * Sends the invitation e-mail that auth asks for through the outbox (auth knows nothing of e-mail).
 * Runs in the worker; safe to run twice (one e-mail per invitation).
 */
@Injectable()
export class InvitationEmailHandler extends DatabaseJobHandlers {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsRepository,
    private readonly invitations: InvitationReader,
  ) {
    super(dataSource);
  }

  @JobHandler(JobName.InvitationEmail)
  async handle({ invitationId }: JobPayload<JobName.InvitationEmail>): Promise<void> {
    const em = this.dataSource.manager;
    const invitation = await this.invitations.pending(
      em,
      invitationId,
      this.clock.now(),
      this.config.JWT_REFRESH_SECRET,
    );
    if (!invitation) {
      this.logger.log({ msg: 'invitation no longer pending; no e-mail', invitationId });
      return;
    }
    const acceptUrl = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/invitations/${invitation.token}`;
    const rendered = renderInvitationEmail(pickLanguage(invitation.language), {
      organizationName:
        (await this.organizations.names([invitation.organizationId], em)).get(invitation.organizationId) ??
        '',
      inviterName: invitation.inviterName,
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
