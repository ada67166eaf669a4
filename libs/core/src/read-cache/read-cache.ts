import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Actor } from '../actor/actor';
import { AppConfig } from '../config/app-config';
import { SessionEviction, SessionEvictionListener, SessionEvents } from '../sessions/session-events';
import { DataChangeFeed, DataChangeListener } from './data-change-feed';

/**
 * The api replica's memory of rendered read responses (the JSON text of `GET /me/tasks` and
 * `GET /programmes/{id}/dashboard`), keyed by who asks and what they ask. Correct by invalidation,
 * not by TTL (docs/performance.md#reads):
 *
 * - Any committed write to a table those reads depend on (any path: the triggers of migration
 *   1797000000000-ReadChangeNotify) reaches every replica through PostgreSQL's LISTEN/NOTIFY
 *   (DataChangeFeed) and drops every entry.
 * - Every write request, after it committed and before it answers, drops every replica's entries
 *   and waits for their acknowledgement over Redis (SessionEvents.readsChanged): a user's own
 *   write is seen by their next read on any replica.
 * - Entries are served only while both feeds are `live`; otherwise everything is forgotten and
 *   every request reads PostgreSQL, as without a cache.
 * - Every drop bumps `epoch`: a read that started before it is answered but not stored.
 * - READ_CACHE_TTL_MS caps any entry's age (0 turns the cache off); READ_CACHE_MAX caps the count.
 */
@Injectable()
export class ReadCache implements SessionEvictionListener, DataChangeListener {
  // A rendered response: the JSON text, or what the api prepares from it to send (its UTF-8 bytes).
  private readonly entries?: LRUCache<string, object | string>;
  private epoch = 0;
  private listening = false;
  /** Renders in flight, by key: concurrent misses of one key in one epoch share a single render. */
  private readonly rendering = new Map<string, { epoch: number; body: Promise<object | string> }>();
  /**
   * Counts since start (the api's metrics): served from memory, answered by a concurrent render of
   * the same key, rendered and offered, rendered while not live.
   */
  hits = 0;
  shared = 0;
  misses = 0;
  bypasses = 0;

  constructor(
    config: AppConfig,
    private readonly events: SessionEvents,
    private readonly feed: DataChangeFeed,
  ) {
    if (config.READ_CACHE_TTL_MS > 0)
      this.entries = new LRUCache<string, object | string>({
        max: config.READ_CACHE_MAX,
        ttl: config.READ_CACHE_TTL_MS,
        updateAgeOnGet: false,
      });
  }

  get enabled(): boolean {
    return !!this.entries;
  }

  /** Both feeds are up and recently heard from: entries may be served and stored. */
  get live(): boolean {
    return this.events.live && this.feed.live;
  }

  /**
   * The key of one read: the user, what the session check says they are (platform role and
   * memberships, so a changed Actor never meets an old entry), the path, the query (keys sorted),
   * and the UTC day (overdue flags and filters depend on it). Never shared between users.
   */
  static keyOf(actor: Actor, path: string, query: Record<string, unknown>, today: string): string {
    const memberships = actor.memberships
      .map((m) => `${m.organizationId}:${m.role}`)
      .sort()
      .join(',');
    const params = Object.keys(query)
      .sort()
      .map((k) => [k, query[k]]);
    return JSON.stringify([actor.userId, actor.platformRole, memberships, path, params, today]);
  }

  /**
   * The rendered response: from memory when allowed, else from `render` (stored if still current).
   * One key is always rendered by the same code, so an entry has the type its render returns.
   */
  async read<T extends object | string>(key: string, render: () => Promise<T>): Promise<T> {
    const entries = this.entries;
    if (!entries) return render();
    this.start();
    if (!this.live) {
      this.bypasses++;
      if (entries.size) this.reset();
      return render();
    }
    const hit = entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      return hit as T;
    }
    const epoch = this.epoch;
    const inFlight = this.rendering.get(key);
    // Joining is safe only within the epoch the render started in: a request that arrives after a
    // change must not be answered by a read that may have begun before it.
    if (inFlight && inFlight.epoch === epoch) {
      this.shared++;
      return inFlight.body as Promise<T>;
    }
    this.misses++;
    const body = render();
    const flight = { epoch, body };
    this.rendering.set(key, flight);
    try {
      const text = await body;
      if (epoch === this.epoch && this.live) entries.set(key, text);
      return text;
    } finally {
      if (this.rendering.get(key) === flight) this.rendering.delete(key);
    }
  }

  /**
   * After a write request (committed or not: a failure after the commit must not leave old entries
   * anywhere): drop every replica's entries and wait for their acknowledgements (bounded).
   */
  async afterWrite(): Promise<void> {
    if (!this.entries) return;
    await this.events.readsChanged();
  }

  /**
   * Starts listening (once): the api calls it at boot so the cache is live before the first request;
   * processes that serve no reads (worker, cli) never listen.
   */
  start(): void {
    if (this.listening || !this.entries) return;
    this.listening = true;
    this.events.listen(this);
    this.feed.listen(this);
  }

  evict(eviction: SessionEviction): void {
    // Sessions and users changed come with writes to memberships (heard from PostgreSQL too); any
    // eviction drops the cache, which costs a few misses and is never wrong.
    void eviction;
    this.reset();
  }

  changed(): void {
    this.reset();
  }

  reset(): void {
    this.epoch++;
    this.entries?.clear();
  }

  /** Cached responses (tests and metrics). */
  get size(): number {
    return this.entries?.size ?? 0;
  }
}
