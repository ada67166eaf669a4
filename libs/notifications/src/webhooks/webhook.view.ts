import { ApiProperty } from '@nestjs/swagger';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

export class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ nullable: true, enum: ['failures', 'admin'] }) disabledReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt!: Date | null;
  @ApiProperty({ description: 'Deliveries failed for good in a row' }) consecutiveFailures!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret. Shown only in this response: store it now.' })
  secret!: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The event id (also the Tandem-Webhook-Id header)' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: Date | null;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** What the audit trail keeps of an endpoint: everything but the secret. */
export const webhookSnapshot = (w: Webhook) => ({
  organizationId: w.organizationId,
  url: w.url,
  eventTypes: w.eventTypes,
  description: w.description,
  enabled: w.enabled,
  disabledReason: w.disabledReason,
});

/** Never the secret: it is shown once, at creation or rotation. */
export const webhookView = (w: Webhook): WebhookDto => ({
  id: w.id,
  ...webhookSnapshot(w),
  disabledAt: w.disabledAt,
  consecutiveFailures: w.consecutiveFailures,
  createdAt: w.createdAt,
});

export const webhookDeliveryView = (d: WebhookDelivery): WebhookDeliveryDto => ({
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
