import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  captureTraceContext,
  Clock,
  JobHandler,
  JobName,
  JobPayload,
  SpanKind,
  withSpan,
} from '@tandem/core';
import { NotificationsService } from '../notifications.service';
import { ID_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';
import { assertPublicDestination } from './webhook-url-guard';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

/**
 * POSTs one event to one endpoint, signed, with a timeout; every attempt is logged. A non-2xx answer
 * or a network error fails the job, which the runner retries with exponential backoff
 * (WEBHOOK_MAX_ATTEMPTS from WEBHOOK_RETRY_BASE_MS). On the last failed attempt the delivery is
 * marked failed and counts against the endpoint: after WEBHOOK_DISABLE_AFTER_FAILURES failed
 * deliveries in a row the endpoint is disabled (once: compare-and-set) and its org admins are told.
 * A delivered event is never posted again by Tandem; a crash between the receiver's 2xx and our
 * commit could post it twice, which is why receivers should de-duplicate on Tandem-Webhook-Id.
 */
@Injectable()
export class WebhookDeliveryHandler {
  private readonly logger = new Logger(WebhookDeliveryHandler.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  @JobHandler(JobName.WebhookDeliver)
  async deliver(
    { deliveryId }: JobPayload<JobName.WebhookDeliver>,
    meta: { jobId: string; attempt: number },
  ): Promise<void> {
    const delivery = await this.deliveries.delivery(deliveryId);
    if (!delivery || delivery.status === 'delivered') return;
    const webhook = await this.deliveries.webhook(delivery.webhookId);
    if (!webhook || !webhook.enabled) {
      await this.deliveries.skip(deliveryId);
      return;
    }
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      await assertPublicDestination(webhook.url, this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      // Tracing: a client span around the call; the receiver gets its traceparent (W3C) when traced.
      const res = await withSpan(
        'webhook.deliver POST',
        async (span) => {
          const r = await fetch(webhook.url, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'User-Agent': 'Tandem-Webhooks/1',
              [ID_HEADER]: delivery.eventKey,
              [TIMESTAMP_HEADER]: String(timestamp),
              [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, delivery.body),
              ...captureTraceContext(),
            },
            body: delivery.body,
            redirect: 'manual',
            signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
          });
          span.setAttribute('http.response.status_code', r.status);
          return r;
        },
        { kind: SpanKind.CLIENT, attributes: { 'tandem.webhook.delivery_id': deliveryId } },
      );
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `receiver answered ${res.status}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 1000);
    }
    const durationMs = Date.now() - started;
    const final = meta.attempt >= this.config.WEBHOOK_MAX_ATTEMPTS;
    const attempt = { deliveryId, statusCode, error, durationMs };
    await this.deliveries.transaction(async (em) => {
      if (!error) return this.deliveries.recordSuccess(em, webhook.id, attempt);
      await this.deliveries.recordFailure(em, attempt, final);
      if (!final) return;
      const failures = await this.deliveries.countFailure(em, webhook.id);
      if (failures < this.config.WEBHOOK_DISABLE_AFTER_FAILURES) return;
      if (!(await this.deliveries.disableForFailures(em, webhook.id))) return;
      this.logger.warn({ msg: 'webhook disabled after failures', webhookId: webhook.id, failures });
      await this.notifications.notify(em, {
        type: 'webhook.disabled',
        subject: { type: 'webhook', id: webhook.id },
        recipients: { organizationAdminsOf: [webhook.organizationId] },
        params: { url: webhook.url, failures, organizationId: webhook.organizationId },
        // The endpoint id twice: the key's shape from when the second part was the RETURNING id.
        dedupeKey: `webhook-disabled.${webhook.id}.${webhook.id}.${failures}`,
      });
    });
    if (error) throw new Error(`webhook delivery ${deliveryId}: ${error}`);
  }
}
