import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export const OUTBOX_CHANNEL = 'tandem_outbox';
export const OUTBOX_LISTENER_APPLICATION_NAME = 'tandem-outbox-listener';

export interface OutboxListenerOptions {
  connectionString: string;
  onNotify: () => void;
  /** Called after every (re)connection: events may have committed while nobody listened. */
  onConnected?: () => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Holds exactly one LISTEN connection, whatever PostgreSQL does. node-postgres may emit `error`
 * more than once for one broken client and `end` after it; each used to schedule its own
 * reconnect, so every restart doubled the listeners. Here one state machine owns the connection:
 * a broken client is detached (its handlers removed) and destroyed before a single reconnect is
 * scheduled, with exponential backoff; a client that connects after `stop()` is closed at once.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;
  private connecting = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  get connected(): boolean {
    return !!this.client && !this.connecting;
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.client || this.connecting) return;
    this.connecting = true;
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: OUTBOX_LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    const broken = (err?: Error) => this.lost(client, err);
    client.on('error', broken);
    client.on('end', () => broken());
    client.on('notification', () => this.options.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      this.connecting = false;
      this.lost(client, err as Error);
      return;
    }
    this.connecting = false;
    if (this.stopped) {
      this.detach(client);
      return;
    }
    this.client = client;
    if (this.failures) this.logger.log('outbox listener connected again');
    this.failures = 0;
    this.options.onConnected?.();
  }

  /** Any sign of a broken client: drop it (once) and schedule one reconnect. */
  private lost(client: Client, err?: Error): void {
    const wasCurrent = this.client === client;
    if (!wasCurrent && this.connecting) return; // connect() handles its own failure
    if (wasCurrent) this.client = undefined;
    this.detach(client);
    if (this.stopped || this.reconnectTimer) return;
    const min = this.options.minBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** Math.min(this.failures, 10));
    this.failures++;
    this.logger.warn(
      `outbox listener lost (${err?.message ?? 'connection ended'}); polling, reconnecting in ${delay} ms`,
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  /** Removes our handlers (a late `error` must not count twice) and destroys the socket. */
  private detach(client: Client): void {
    client.removeAllListeners('notification');
    client.removeAllListeners('end');
    client.removeAllListeners('error');
    client.on('error', () => undefined); // a destroyed socket may still report; never crash on it
    void client.end().catch(() => undefined);
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
