import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { FEED_HEARTBEAT_MS, FeedLiveness } from '../sessions/feed-liveness';

/**
 * Do not rename: the triggers of migration 1797000000000-ReadChangeNotify notify it at the commit of
 * every write to a table the cached reads depend on.
 */
export const READS_CHANGED_CHANNEL = 'tandem_reads_changed';
/** The listening connection's name in pg_stat_activity (operators, and the e2e test that kills it). */
export const READS_LISTEN_APPLICATION_NAME = 'tandem-read-cache-listen';

/** Told of every committed change, and to forget everything when notifications may have been missed. */
export interface DataChangeListener {
  changed(): void;
  reset(): void;
}

/** Pause before connecting again after a loss. */
const RECONNECT_MS = 1000;

/**
 * PostgreSQL's own word that a table read by a cached response changed: a dedicated connection
 * LISTENs on READS_CHANGED_CHANNEL, so writes from every path (api, worker, cli, plain SQL) reach
 * each api replica shortly after they commit. `live` is true only while that connection is up and
 * answered its last heartbeat; `reset` is called on every loss and every (re)connection, because a
 * notification sent while nobody listened is gone.
 */
@Injectable()
export class DataChangeFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(DataChangeFeed.name);
  private readonly listeners: DataChangeListener[] = [];
  private client?: Client;
  private readonly liveness = new FeedLiveness();
  private heartbeat?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  /** This process's own heartbeat channel: hearing it proves notifications reach this connection. */
  private readonly heartbeatChannel = `tandem_reads_hb_${randomBytes(6).toString('hex')}`;

  constructor(private readonly config: AppConfig) {}

  get live(): boolean {
    return this.liveness.live;
  }

  /** Registers a listener and starts listening (first call). */
  listen(listener: DataChangeListener): void {
    this.listeners.push(listener);
    if (this.listeners.length === 1) {
      void this.connect();
      this.startHeartbeat();
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: READS_LISTEN_APPLICATION_NAME,
    });
    this.client = client;
    let lost = false;
    const down = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.liveness.lost())
        this.logger.warn(`read cache: LISTEN connection lost (${why}); cache bypassed until it is back`);
      this.resetAll();
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      if (!this.stopped) {
        this.retry = setTimeout(() => void this.connect(), RECONNECT_MS);
        this.retry.unref();
      }
    };
    client.on('error', (err) => down(err.message));
    client.on('end', () => down('closed'));
    client.on('notification', (msg) => {
      this.liveness.heard();
      if (msg.channel === READS_CHANGED_CHANNEL) for (const l of this.listeners) l.changed();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${READS_CHANGED_CHANNEL}; LISTEN ${this.heartbeatChannel}`);
      if (lost) return;
      // Anything committed before the LISTEN took effect was not heard: start from nothing.
      this.resetAll();
      this.liveness.connectedNow();
    } catch (err) {
      down((err as Error).message);
    }
  }

  /**
   * A half-open connection looks up forever, and a connection that answers queries may still not
   * deliver notifications (a transaction-mode pooler in between): each second the connection
   * notifies its own heartbeat channel, and only hearing it back counts. Silent for FEED_STALE_MS: the
   * connection is dropped (and `live` is already false).
   */
  private startHeartbeat(): void {
    this.heartbeat = setInterval(() => {
      const client = this.client;
      if (!this.liveness.connected || !client) return;
      if (this.liveness.silent) {
        client.emit('error', new Error('no heartbeat heard'));
        return;
      }
      void client.query(`NOTIFY ${this.heartbeatChannel}`).catch(() => undefined);
    }, FEED_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private resetAll(): void {
    for (const l of this.listeners) l.reset();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.liveness.lost();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}
