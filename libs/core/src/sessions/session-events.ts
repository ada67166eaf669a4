import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../jobs/redis';
import { FEED_HEARTBEAT_MS, FEED_STALE_MS, FeedLiveness } from './feed-liveness';

/** Do not rename: every replica of every release listens on these. */
export const SESSION_EVICT_CHANNEL = 'tandem:sessions:evict';
export const SESSION_EVICT_ACK_CHANNEL = 'tandem:sessions:evict-ack';

/**
 * What changed: sessions that ended, users whose sessions must be re-read (role, memberships, …),
 * and (`reads`) data that cached read responses may show (ReadCache: a write request answered).
 */
export interface SessionEviction {
  sessionIds: string[];
  userIds: string[];
  /** True after a write request: cached reads must be read again. Older replicas ignore it. */
  reads?: boolean;
}

/**
 * A per-replica cache (auth's SessionCache, core's ReadCache): told of every eviction, and to forget
 * all on a gap. Each listener takes what concerns it from the eviction.
 */
export interface SessionEvictionListener {
  evict(eviction: SessionEviction): void;
  /** The feed was interrupted (Redis away): messages may have been missed, so forget everything. */
  reset(): void;
}

interface Envelope extends SessionEviction {
  id: string;
}

/**
 * Who a signed-in user is, as api replicas cache it, changes only through the writes that call this
 * class after their transaction commits: a session ended (logout, refresh-token reuse), or a user's
 * standing changed (memberships and roles, platform role, password, disabled). `sessionsEnded` and
 * `usersChanged` evict locally at once, publish on Redis, and wait until every replica listening
 * has acknowledged the eviction (PUBLISH says how many received it), at most
 * SESSION_EVICT_ACK_TIMEOUT_MS: when the writing request answers, no replica serves the old state.
 *
 * `listen` (the api's session cache) subscribes. `live` is true only while that subscription is up
 * and answered its last heartbeat; a cache must not serve entries otherwise (it fails safe to the
 * database), and `reset` tells it to forget everything whenever the feed was interrupted.
 */
@Injectable()
export class SessionEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(SessionEvents.name);
  private readonly listeners: SessionEvictionListener[] = [];
  private publisher?: IORedis;
  private subscriber?: IORedis;
  private readonly waiters: (() => void)[] = [];
  private heartbeat?: NodeJS.Timeout;
  private readonly liveness = new FeedLiveness();
  private everUp = false;
  private readonly pending = new Map<string, { acks: number; expected: number; done: () => void }>();

  constructor(private readonly config: AppConfig) {}

  /** True while evictions are known to arrive: subscribed, and heard from within FEED_STALE_MS. */
  get live(): boolean {
    return this.liveness.live;
  }

  /** Registers a cache and starts listening (first call). */
  listen(listener: SessionEvictionListener): void {
    this.listeners.push(listener);
    const existing = this.subscriber;
    // Already subscribed for acks only (this process published first): add the evictions.
    if (existing && this.liveness.connected && this.listeners.length === 1)
      void existing.subscribe(SESSION_EVICT_CHANNEL).catch(() => existing.disconnect(true));
    void this.subscription().catch(() => undefined);
  }

  async sessionsEnded(sessionIds: (string | null | undefined)[]): Promise<void> {
    await this.publish({ sessionIds: sessionIds.filter((s): s is string => !!s), userIds: [] });
  }

  async usersChanged(userIds: string[]): Promise<void> {
    await this.publish({ sessionIds: [], userIds });
  }

  /**
   * A write request has committed: every replica's cached reads (ReadCache) are dropped, and
   * acknowledged, before it answers. PostgreSQL's notifications (DataChangeFeed) reach the replicas
   * too, but with no promise of being heard before the writer answers; this is that promise.
   */
  async readsChanged(): Promise<void> {
    await this.publish({ sessionIds: [], userIds: [], reads: true });
  }

  private async publish(eviction: SessionEviction): Promise<void> {
    if (!eviction.sessionIds.length && !eviction.userIds.length && !eviction.reads) return;
    this.deliver(eviction);
    const id = randomUUID();
    try {
      await this.subscription();
      let done!: () => void;
      const acked = new Promise<void>((resolve) => (done = resolve));
      const entry = { acks: 0, expected: Number.POSITIVE_INFINITY, done };
      this.pending.set(id, entry);
      try {
        entry.expected = (await this.publisherConnection().publish(
          SESSION_EVICT_CHANNEL,
          JSON.stringify({ id, ...eviction } satisfies Envelope),
        )) as number;
        if (entry.acks >= entry.expected) return;
        const timeout = this.config.SESSION_EVICT_ACK_TIMEOUT_MS;
        const late = await Promise.race([
          acked.then(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(true), timeout).unref()),
        ]);
        if (late)
          this.logger.warn(
            `eviction ${id}: ${entry.acks} of ${entry.expected} replicas acknowledged within ${timeout} ms`,
          );
      } finally {
        this.pending.delete(id);
      }
    } catch (err) {
      // The change is committed; replicas that cannot hear Redis are not serving from cache (live
      // is false there). Never fail the user's request for it.
      this.logger.warn(`session eviction not published: ${(err as Error).message}`);
    }
  }

  private deliver(eviction: SessionEviction): void {
    for (const l of this.listeners) l.evict(eviction);
  }

  private publisherConnection(): IORedis {
    if (!this.publisher) {
      this.publisher = createRedis(this.config.REDIS_URL, 'producer', {
        connectionName: 'tandem-session-events',
      });
      this.publisher.on('error', (err) => this.logger.debug(`redis (publish): ${err.message}`));
    }
    return this.publisher;
  }

  /**
   * The subscribing connection: acks always, evictions when a cache listens. It resubscribes by hand
   * on every (re)connection and only then calls itself live, after telling the caches to forget
   * what they hold: anything published while it was away is lost to it.
   */
  private subscription(): Promise<void> {
    if (!this.subscriber) {
      const sub = createRedis(this.config.REDIS_URL, 'worker', {
        autoResubscribe: false,
        connectionName: 'tandem-session-events-sub',
      });
      this.subscriber = sub;
      const down = () => {
        if (this.liveness.lost())
          this.logger.warn('session events: Redis subscription lost; caches bypassed until it is back');
        for (const l of this.listeners) l.reset();
      };
      sub.on('error', (err) => this.logger.debug(`redis (subscribe): ${err.message}`));
      sub.on('close', down);
      sub.on('message', (channel: string, raw: string) => this.onMessage(channel, raw));
      sub.on('ready', () => {
        const channels = this.listeners.length
          ? [SESSION_EVICT_CHANNEL, SESSION_EVICT_ACK_CHANNEL]
          : [SESSION_EVICT_ACK_CHANNEL];
        sub
          .subscribe(...channels)
          .then(() => {
            for (const l of this.listeners) l.reset();
            this.liveness.connectedNow();
            this.everUp = true;
            for (const w of this.waiters.splice(0)) w();
          })
          .catch(down);
      });
      this.startHeartbeat(sub, down);
    }
    if (this.liveness.connected) return Promise.resolve();
    // Lost after having been up: Redis is away, so do not make the writing request wait for it.
    if (this.everUp) return Promise.reject(new Error('Redis subscription is down'));
    return new Promise<void>((resolve, reject) => {
      this.waiters.push(resolve);
      setTimeout(() => reject(new Error('Redis subscription not ready')), 2000).unref();
    });
  }

  /**
   * A half-open connection looks up forever: a ping a second proves it is not, or forces a
   * reconnect (and `live` turns false once nothing was heard for FEED_STALE_MS).
   */
  private startHeartbeat(sub: IORedis, down: () => void): void {
    this.heartbeat = setInterval(() => {
      if (!this.liveness.connected) return;
      const timer = setTimeout(() => {
        down();
        sub.disconnect(true);
      }, FEED_STALE_MS);
      timer.unref();
      sub
        .ping()
        .then(() => {
          clearTimeout(timer);
          this.liveness.heard();
        })
        .catch(() => undefined);
    }, FEED_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private onMessage(channel: string, raw: string): void {
    this.liveness.heard();
    let msg: Envelope;
    try {
      msg = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (channel === SESSION_EVICT_ACK_CHANNEL) {
      const entry = this.pending.get(msg.id);
      if (entry && ++entry.acks >= entry.expected) entry.done();
      return;
    }
    this.deliver({ sessionIds: msg.sessionIds ?? [], userIds: msg.userIds ?? [], reads: msg.reads === true });
    void this.publisherConnection()
      .publish(SESSION_EVICT_ACK_CHANNEL, JSON.stringify({ id: msg.id }))
      .catch(() => undefined);
  }

  onApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }
}
