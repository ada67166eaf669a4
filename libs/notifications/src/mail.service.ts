import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, SpanKind, withSpan } from '@tandem/core';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { EmailDelivery } from './entities/email-delivery.entity';
import { RenderedEmail } from './templates/layout';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  template: string;
}

/** Sends e-mail over SMTP (nodemailer), at most once per dedupe key. Used by job handlers only. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  /**
   * Sends unless a message with this key was already accepted by the SMTP server. A crash between
   * the server's acceptance and our commit could still send twice, so the Message-ID is derived from
   * the key: receivers that de-duplicate on it see one message.
   */
  async sendOnce(dedupeKey: string, email: OutgoingEmail): Promise<'sent' | 'already-sent'> {
    const repo = this.dataSource.getRepository(EmailDelivery);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ dedupeKey, recipient: email.to, template: email.template })
      .orIgnore()
      .execute();
    const delivery = await repo.findOneByOrFail({ dedupeKey });
    if (delivery.status === 'sent') return 'already-sent';
    const host = new URL(this.config.PUBLIC_URL).hostname || 'tandem';
    const messageId = `<${dedupeKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${host}>`;
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
      await repo.update(
        { id: delivery.id },
        { attempts: () => 'attempts + 1', lastError: String((err as Error).message).slice(0, 1000) },
      );
      throw err;
    }
    await repo.update(
      { id: delivery.id },
      { status: 'sent', sentAt: new Date(), messageId, attempts: () => 'attempts + 1', lastError: null },
    );
    this.logger.log({ msg: 'email sent', template: email.template, deliveryId: delivery.id });
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
