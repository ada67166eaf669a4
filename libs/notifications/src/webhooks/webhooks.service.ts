import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@tandem/audit';

import {
  AppConfig,
  CoreError,
  Page,
  PageQueryDto,
  paginateByCreation,
  type Actor,
  orNotFound,
} from '@tandem/core';
import { DataSource } from 'typeorm';
import { isNotificationType } from '../notification-texts';
import { NotificationsError, NotificationsErrorCode } from '../notifications.errors';
import { generateWebhookSecret } from './webhook-signature';
import { assertPublicDestination, urlProblem } from './webhook-url-guard';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { webhookSnapshot } from './webhook.view';

export interface CreateWebhookInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
}

export interface UpdateWebhookInput {
  url?: string;
  eventTypes?: string[];
  description?: string | null;
  enabled?: boolean;
}

/**
 * An organisation's webhook endpoints. Its org admins (and platform admins) manage them; its other
 * members get 403; anyone else 404, so endpoints of other organisations are not revealed.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private assertManager(actor: Actor, organizationId: string): void {
    if (actor.platformRole === 'admin') return;
    const membership = actor.memberships.find((m) => m.organizationId === organizationId);
    if (!membership) throw CoreError.notFound('Organization');
    if (membership.role !== 'org_admin') throw CoreError.forbidden('Only org admins manage webhooks');
  }

  private async validate(input: { url?: string; eventTypes?: string[] }): Promise<void> {
    if (input.url !== undefined) {
      const problem = urlProblem(input.url);
      if (problem) throw CoreError.invalid('url', problem);
      try {
        await assertPublicDestination(input.url, this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
      } catch (err) {
        throw new NotificationsError(
          NotificationsErrorCode.WebhookDestinationNotAllowed,
          `url ${(err as Error).message}`,
          [{ field: 'url', message: (err as Error).message }],
        );
      }
    }
    input.eventTypes?.forEach((t, i) => {
      if (!isNotificationType(t))
        throw CoreError.invalid(`eventTypes.${i}`, `"${t}" is not a notification type`);
    });
  }

  private async findOrFail(organizationId: string, id: string): Promise<Webhook> {
    return orNotFound(
      await this.dataSource.getRepository(Webhook).findOneBy({ id, organizationId }),
      'Webhook',
    );
  }

  async create(
    actor: Actor,
    organizationId: string,
    input: CreateWebhookInput,
  ): Promise<{ webhook: Webhook; secret: string }> {
    this.assertManager(actor, organizationId);
    await this.validate(input);
    const secret = generateWebhookSecret();
    const webhook = await this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(Webhook, {
          organizationId,
          url: input.url,
          eventTypes: [...new Set(input.eventTypes)],
          description: input.description ?? null,
          secret,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(em, {
        action: 'create',
        entityType: 'webhook',
        entityId: saved.id,
        after: webhookSnapshot(saved),
      });
      return saved;
    });
    return { webhook, secret };
  }

  async list(actor: Actor, organizationId: string, query: PageQueryDto): Promise<Page<Webhook>> {
    this.assertManager(actor, organizationId);
    const qb = this.dataSource
      .getRepository(Webhook)
      .createQueryBuilder('w')
      .where('w.organization_id = :organizationId', { organizationId });
    return paginateByCreation(qb, 'w', query, 'ASC');
  }

  async get(actor: Actor, organizationId: string, id: string): Promise<Webhook> {
    this.assertManager(actor, organizationId);
    return this.findOrFail(organizationId, id);
  }

  async update(
    actor: Actor,
    organizationId: string,
    id: string,
    input: UpdateWebhookInput,
  ): Promise<Webhook> {
    this.assertManager(actor, organizationId);
    await this.validate(input);
    const webhook = await this.findOrFail(organizationId, id);
    const before = webhookSnapshot(webhook);
    if (input.url !== undefined) webhook.url = input.url;
    if (input.eventTypes !== undefined) webhook.eventTypes = [...new Set(input.eventTypes)];
    if (input.description !== undefined) webhook.description = input.description;
    if (input.enabled !== undefined && input.enabled !== webhook.enabled) {
      webhook.enabled = input.enabled;
      webhook.disabledAt = input.enabled ? null : new Date();
      webhook.disabledReason = input.enabled ? null : 'admin';
      // Re-enabling starts the failure count afresh.
      if (input.enabled) webhook.consecutiveFailures = 0;
    }
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(webhook);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'webhook',
        entityId: id,
        before,
        after: webhookSnapshot(saved),
      });
      return saved;
    });
  }

  async remove(actor: Actor, organizationId: string, id: string): Promise<void> {
    this.assertManager(actor, organizationId);
    const webhook = await this.findOrFail(organizationId, id);
    await this.dataSource.transaction(async (em) => {
      await em.delete(Webhook, { id, organizationId });
      await this.audit.record(em, {
        action: 'delete',
        entityType: 'webhook',
        entityId: id,
        before: webhookSnapshot(webhook),
      });
    });
  }

  async rotateSecret(
    actor: Actor,
    organizationId: string,
    id: string,
  ): Promise<{ webhook: Webhook; secret: string }> {
    this.assertManager(actor, organizationId);
    const webhook = await this.findOrFail(organizationId, id);
    webhook.secret = generateWebhookSecret();
    const saved = await this.dataSource.transaction(async (em) => {
      const row = await em.save(webhook);
      await this.audit.record(em, {
        action: 'update',
        entityType: 'webhook',
        entityId: id,
        before: { secret: '[rotated]' },
        after: { secret: '[redacted]' },
      });
      return row;
    });
    return { webhook: saved, secret: saved.secret };
  }

  async deliveries(
    actor: Actor,
    organizationId: string,
    id: string,
    query: PageQueryDto & { status?: string },
  ): Promise<Page<WebhookDelivery>> {
    this.assertManager(actor, organizationId);
    await this.findOrFail(organizationId, id);
    const qb = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.webhook_id = :id', { id });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    return paginateByCreation(qb, 'd', query, 'DESC');
  }
}
