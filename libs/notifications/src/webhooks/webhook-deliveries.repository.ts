import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

/** The outcome of one POST: the receiver's status code, or the error that stopped it. */
export interface WebhookAttempt {
  deliveryId: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Every query of the delivering side of webhooks (worker-only, so nothing here is scoped by an
 * actor: the endpoints were chosen when the event was written). Counting and disabling an endpoint
 * are single statements so parallel failures all count and the endpoint is disabled once.
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  delivery(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
  }

  webhook(id: string): Promise<Webhook | null> {
    return this.dataSource.getRepository(Webhook).findOneBy({ id });
  }

  /** The endpoint is gone or disabled: the delivery will not be attempted (a delivered one stays so). */
  async skip(deliveryId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'skipped' WHERE id = $1 AND status <> 'delivered'`,
      [deliveryId],
    );
  }

  /** Logs the attempt and marks the delivery delivered; the endpoint's failure streak ends. */
  async recordSuccess(em: EntityManager, webhookId: string, a: WebhookAttempt): Promise<void> {
    await this.logAttempt(em, a);
    await em.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), attempts = attempts + 1,
              last_status_code = $2, last_error = NULL WHERE id = $1`,
      [a.deliveryId, a.statusCode],
    );
    await em.query(`UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1`, [webhookId]);
  }

  /** Logs the attempt; on the last one the delivery is marked failed. */
  async recordFailure(em: EntityManager, a: WebhookAttempt, final: boolean): Promise<void> {
    await this.logAttempt(em, a);
    await em.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
              status = CASE WHEN $4 THEN 'failed' ELSE status END
        WHERE id = $1`,
      [a.deliveryId, a.statusCode, a.error, final],
    );
  }

  /** One more failed delivery in a row for the endpoint; the new streak length. */
  async countFailure(em: EntityManager, webhookId: string): Promise<number> {
    const [counted] = (await em.query(
      `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures`,
      [webhookId],
    )) as [{ consecutive_failures: number }[], number];
    return counted[0]?.consecutive_failures ?? 0;
  }

  /** Compare-and-set: true for the one caller that disabled the (still enabled) endpoint. */
  async disableForFailures(em: EntityManager, webhookId: string): Promise<boolean> {
    const [disabled] = (await em.query(
      `UPDATE webhooks SET enabled = false, disabled_reason = 'failures', disabled_at = now()
        WHERE id = $1 AND enabled RETURNING id`,
      [webhookId],
    )) as [{ id: string }[], number];
    return disabled.length > 0;
  }

  private async logAttempt(em: EntityManager, a: WebhookAttempt): Promise<void> {
    await em.query(
      `INSERT INTO webhook_delivery_attempts (delivery_id, status_code, error, duration_ms) VALUES ($1, $2, $3, $4)`,
      [a.deliveryId, a.statusCode, a.error, a.durationMs],
    );
  }
}
