import { Injectable } from '@nestjs/common';
import { Actor, AppConfig, SessionEviction, SessionEvictionListener, SessionEvents } from '@tandem/core';
import { LRUCache } from 'lru-cache';

/**
 * The api replica's short-lived memory of signed-in sessions (session id → Actor), so a request
 * costs no database round trip to know who is asking. Correctness comes from eviction, not from the
 * TTL: every write that ends a session or changes a user's standing evicts on every replica before
 * it answers (SessionEvents). The rules that keep it from serving a revoked session:
 *
 * - It serves entries only while the eviction feed is `live`; otherwise it forgets everything and
 *   every request reads the database, as without a cache.
 * - Any eviction or feed reset bumps `epoch`; a load that started before it is answered but not
 *   stored, since it may have read the state just replaced.
 * - Only live sessions are stored (a refused token is read again each time).
 * - SESSION_CACHE_TTL_MS bounds the rest (a replica cut off from Redis before it could notice).
 */
@Injectable()
export class SessionCache implements SessionEvictionListener {
  private readonly entries?: LRUCache<string, Actor>;
  private epoch = 0;
  private listening = false;

  constructor(
    config: AppConfig,
    private readonly events: SessionEvents,
  ) {
    if (config.SESSION_CACHE_TTL_MS > 0)
      this.entries = new LRUCache<string, Actor>({
        max: config.SESSION_CACHE_MAX,
        ttl: config.SESSION_CACHE_TTL_MS,
        // Age from when it was read; a hit does not extend it.
        updateAgeOnGet: false,
      });
  }

  /** The Actor of a live session: from memory when allowed, else from `load` (the database). */
  async get(userId: string, sessionId: string, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const entries = this.entries;
    if (!entries) return load();
    this.start();
    if (!this.events.live) {
      if (entries.size) this.reset();
      return load();
    }
    const hit = entries.get(sessionId);
    if (hit && hit.userId === userId) return hit;
    const epoch = this.epoch;
    const actor = await load();
    if (actor && epoch === this.epoch && this.events.live) entries.set(sessionId, actor);
    return actor;
  }

  /**
   * Subscribes to evictions (once). The api calls it at boot so the cache is live before the first
   * request; processes that never check sessions (worker, cli) never subscribe.
   */
  start(): void {
    if (this.listening || !this.entries) return;
    this.listening = true;
    this.events.listen(this);
  }

  evict({ sessionIds, userIds }: SessionEviction): void {
    // A write request's `reads` eviction changes no session: in-flight loads stay storable.
    if (!sessionIds.length && !userIds.length) return;
    this.epoch++;
    const entries = this.entries;
    if (!entries) return;
    for (const id of sessionIds) entries.delete(id);
    if (!userIds.length) return;
    const users = new Set(userIds);
    for (const [sessionId, actor] of entries.entries())
      if (users.has(actor.userId)) entries.delete(sessionId);
  }

  reset(): void {
    this.epoch++;
    this.entries?.clear();
  }

  /** Cached sessions (tests and metrics). */
  get size(): number {
    return this.entries?.size ?? 0;
  }
}
