import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TraceCarrier } from '../telemetry/trace-context';

/** An outbox event the relay has claimed. */
export interface PendingEvent {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  trace_context: TraceCarrier | null;
}

/** The relay's queries over outbox_events, and the pending count the metrics report. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Due events in write order, locked FOR UPDATE SKIP LOCKED so any number of relays share the
   * work: a row another relay holds is skipped, not waited for.
   */
  claimDue(em: EntityManager, limit: number): Promise<PendingEvent[]> {
    return em.query(
      `SELECT id, type, payload, attempts, trace_context
         FROM outbox_events
        WHERE dispatched_at IS NULL AND available_at <= now()
        ORDER BY created_at
        LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(em: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await em.query(
      `UPDATE outbox_events SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`,
      [ids],
    );
  }

  /** Not relayed this time: tried again in `ms`, with the reason kept. */
  async backOff(em: EntityManager, id: string, error: string, ms: number): Promise<void> {
    await em.query(
      `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2, available_at = now() + make_interval(secs => $3) WHERE id = $1`,
      [id, error.slice(0, 1000), ms / 1000],
    );
  }

  /** Events not yet handed to Redis. */
  async pendingCount(): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*)::text AS n FROM outbox_events WHERE dispatched_at IS NULL`,
    );
    return Number(rows[0]?.n ?? 0);
  }
}
