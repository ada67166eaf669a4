import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('webhooks')
@Authenticated()
@Controller('organizations/:id/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint (org admins of the organisation)',
    description:
      'Events whose recipients include a member of this organisation are POSTed, signed, to `url`. The `secret` is in this response only.',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 403, 404, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() dto: CreateWebhookDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { webhook, secret } = await this.webhooks.create(actor, organizationId, dto);
    res.setHeader('Location', `/organizations/${organizationId}/webhooks/${webhook.id}`);
    return { ...webhookView(webhook), secret };
  }

  @Get()
  @ApiOperation({ summary: "An organisation's webhook endpoints (secrets never shown)" })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiProblems(400, 403, 404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Query() query: PageQueryDto,
  ) {
    return mapPage(await this.webhooks.list(actor, organizationId, query), webhookView);
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400, 403, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
  ) {
    return webhookView(await this.webhooks.get(actor, organizationId, id));
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change url, event types or description; enable or disable' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400, 403, 404, 422)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
    @Body() dto: UpdateWebhookDto,
  ) {
    return webhookView(await this.webhooks.update(actor, organizationId, id, dto));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint (and its delivery log)' })
  @ApiProblems(400, 403, 404)
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
  ): Promise<void> {
    await this.webhooks.remove(actor, organizationId, id);
  }

  @Post(':webhookId/rotate-secret')
  @ApiOperation({ summary: 'Replace the signing secret; the new one is in this response only' })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 403, 404)
  async rotate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
  ) {
    const { webhook, secret } = await this.webhooks.rotateSecret(actor, organizationId, id);
    return { ...webhookView(webhook), secret };
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first (keyset pages)' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(400, 403, 404)
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
    @Query() query: ListWebhookDeliveriesDto,
  ) {
    return mapPage(await this.webhooks.deliveries(actor, organizationId, id, query), webhookDeliveryView);
  }
}
