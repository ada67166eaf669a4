import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, mapPage, PageQueryDto } from '@tandem/core';
import {
  CreateWebhookDto,
  ListWebhookDeliveriesDto,
  UpdateWebhookDto,
  WebhookDeliveryPageDto,
  webhookDeliveryView,
  WebhookDto,
  WebhookPageDto,
  WebhooksService,
  webhookView,
  WebhookWithSecretDto,
} from '@tandem/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LocatedAt } from '../http/location.interceptor';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IdPath, WebhookPath } from '../http/path-params.dto';

@ApiTags('webhooks')
@Authenticated()
@Controller('organizations/:id/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Operation({
    summary: 'Register a webhook endpoint (org admins of the organisation)',
    description:
      'Events whose recipients include a member of this organisation are POSTed, signed, to `url`. The `secret` is in this response only.',
    created: WebhookWithSecretDto,
    problems: [400, 403, 404, 422],
  })
  @LocatedAt('/organizations/:id/webhooks')
  async create(
    @CurrentActor() actor: Actor,
    @Param() { id: organizationId }: IdPath,
    @Body() dto: CreateWebhookDto,
  ) {
    const { webhook, secret } = await this.webhooks.create(actor, organizationId, dto);
    return { ...webhookView(webhook), secret };
  }

  @Get()
  @Operation({
    summary: "An organisation's webhook endpoints (secrets never shown)",
    ok: WebhookPageDto,
    problems: [400, 403, 404],
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param() { id: organizationId }: IdPath,
    @Query() query: PageQueryDto,
  ) {
    return mapPage(await this.webhooks.list(actor, organizationId, query), webhookView);
  }

  @Get(':webhookId')
  @Operation({ summary: 'One webhook endpoint', ok: WebhookDto, problems: [400, 403, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id: organizationId, webhookId }: WebhookPath) {
    return webhookView(await this.webhooks.get(actor, organizationId, webhookId));
  }

  @Patch(':webhookId')
  @Operation({
    summary: 'Change url, event types or description; enable or disable',
    ok: WebhookDto,
    problems: [400, 403, 404, 422],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id: organizationId, webhookId }: WebhookPath,
    @Body() dto: UpdateWebhookDto,
  ) {
    return webhookView(await this.webhooks.update(actor, organizationId, webhookId, dto));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @Operation({ summary: 'Remove a webhook endpoint (and its delivery log)', problems: [400, 403, 404] })
  async remove(
    @CurrentActor() actor: Actor,
    @Param() { id: organizationId, webhookId }: WebhookPath,
  ): Promise<void> {
    await this.webhooks.remove(actor, organizationId, webhookId);
  }

  @Post(':webhookId/rotate-secret')
  @Operation({
    summary: 'Replace the signing secret; the new one is in this response only',
    created: WebhookWithSecretDto,
    problems: [400, 403, 404],
  })
  async rotate(@CurrentActor() actor: Actor, @Param() { id: organizationId, webhookId }: WebhookPath) {
    const { webhook, secret } = await this.webhooks.rotateSecret(actor, organizationId, webhookId);
    return { ...webhookView(webhook), secret };
  }

  @Get(':webhookId/deliveries')
  @Operation({
    summary: 'The delivery log of an endpoint, newest first (keyset pages)',
    ok: WebhookDeliveryPageDto,
    problems: [400, 403, 404],
  })
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param() { id: organizationId, webhookId }: WebhookPath,
    @Query() query: ListWebhookDeliveriesDto,
  ) {
    return mapPage(
      await this.webhooks.deliveries(actor, organizationId, webhookId, query),
      webhookDeliveryView,
    );
  }
}
