import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/**
 * The notification façade later issues grow (in-app inbox, webhooks, digests). Today: e-mail
 * over SMTP, sent once per dedupe key.
 */
@Module({ providers: [MailService], exports: [MailService] })
export class NotificationsModule {}
