import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

import { Page, PageQueryDto, Actor } from '@tandem/core';
import { NOTIFICATION_TYPES, Webhook, WebhookDelivery, WebhooksService } from '@tandem/notifications';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation.pipe';

class CreateWebhookDto {
  @ApiProperty({ example: 'https://partner.example.org/tandem-events' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    type: [String],
    example: ['task.assigned', 'consultation.opened'],
    enum: NOTIFICATION_TYPES,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: NOTIFICATION_TYPES })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ description: 'false pauses the endpoint; true re-enables one Tandem disabled' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

class ListDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed', 'skipped'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed', 'skipped'])
  @Transform(({ value }) => value as string)
  status?: string;
}

class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ nullable: true, enum: ['failures', 'admin'] }) disabledReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt!: string | null;
  @ApiProperty({ description: 'Deliveries failed for good in a row' }) consecutiveFailures!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret. Shown only in this response: store it now.' })
  secret!: string;
}

class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class WebhookDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The event id (also the Tandem-Webhook-Id header)' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: string | null;
}

class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Never the secret: it is shown once, at creation or rotation. */
const view = (w: Webhook) => ({
  id: w.id,
  organizationId: w.organizationId,
  url: w.url,
  eventTypes: w.eventTypes,
  description: w.description,
  enabled: w.enabled,
  disabledReason: w.disabledReason,
  disabledAt: w.disabledAt,
  consecutiveFailures: w.consecutiveFailures,
  createdAt: w.createdAt,
});

const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventKey,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
});

const pageOf = <T, U>(page: Page<T>, fn: (t: T) => U) => ({
  items: page.items.map(fn),
  nextCursor: page.nextCursor,
});

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
    return { ...view(webhook), secret };
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
    return pageOf(await this.webhooks.list(actor, organizationId, query), view);
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
    return view(await this.webhooks.get(actor, organizationId, id));
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
    return view(await this.webhooks.update(actor, organizationId, id, dto));
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
    return { ...view(webhook), secret };
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first (keyset pages)' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(400, 403, 404)
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('webhookId', uuidParam('webhookId')) id: string,
    @Query() query: ListDeliveriesDto,
  ) {
    return pageOf(await this.webhooks.deliveries(actor, organizationId, id, query), deliveryView);
  }
}
