import { Actor, MembershipRole, PlatformRole } from '../actor/actor';
import { AppConfig } from '../config/app-config';
import { SessionEvents } from '../sessions/session-events';
import { DataChangeFeed } from './data-change-feed';
import { ReadCache } from './read-cache';

const USER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ORG = '33333333-3333-4333-8333-333333333333';
const ORG2 = '44444444-4444-4444-8444-444444444444';

const actorOf = (
  userId: string,
  memberships = [{ organizationId: ORG, role: MembershipRole.Member }],
): Actor => ({
  userId,
  email: `${userId.slice(0, 4)}@example.test`,
  platformRole: PlatformRole.User,
  sessionId: 's',
  memberships,
});

/** A feed as the cache sees it: live or not, and the listener it registered. */
class FakeFeed {
  live = true;
  listener?: ReadCache;
  listen = jest.fn((l: ReadCache) => (this.listener = l));
  readsChanged = jest.fn(async () => this.listener?.evict({ sessionIds: [], userIds: [], reads: true }));
}

describe(ReadCache.name, () => {
  let events: FakeFeed;
  let feed: FakeFeed;
  let sut: ReadCache;
  let version: number;
  let renders: number;
  const render = async () => {
    renders++;
    return JSON.stringify({ version });
  };
  const key = ReadCache.keyOf(actorOf(USER), '/me/tasks', {}, '2026-11-26');

  const make = (ttl = 5_000) => {
    events = new FakeFeed();
    feed = new FakeFeed();
    sut = new ReadCache(
      { READ_CACHE_TTL_MS: ttl, READ_CACHE_MAX: 100 } as AppConfig,
      events as unknown as SessionEvents,
      feed as unknown as DataChangeFeed,
    );
  };

  beforeEach(() => {
    version = 1;
    renders = 0;
    make();
  });

  it('renders once, then answers from memory; starts listening to both feeds on first use', async () => {
    expect(await sut.read(key, render)).toBe('{"version":1}');
    version = 2;
    expect(await sut.read(key, render)).toBe('{"version":1}');
    expect(renders).toBe(1);
    expect(events.listen).toHaveBeenCalledTimes(1);
    expect(feed.listen).toHaveBeenCalledTimes(1);
  });

  it('keys by user, memberships (in any order), platform role, path, query (in any order) and day', () => {
    const two = [
      { organizationId: ORG, role: MembershipRole.Member },
      { organizationId: ORG2, role: MembershipRole.OrgAdmin },
    ];
    const k = (a: Actor, path = '/me/tasks', q: Record<string, unknown> = {}, day = '2026-11-26') =>
      ReadCache.keyOf(a, path, q, day);
    expect(k(actorOf(USER))).not.toBe(k(actorOf(OTHER)));
    expect(k(actorOf(USER, two))).toBe(k(actorOf(USER, [...two].reverse())));
    expect(k(actorOf(USER, two))).not.toBe(k(actorOf(USER)));
    expect(k(actorOf(USER, [{ organizationId: ORG, role: MembershipRole.OrgAdmin }]))).not.toBe(
      k(actorOf(USER)),
    );
    expect(k({ ...actorOf(USER), platformRole: PlatformRole.Admin })).not.toBe(k(actorOf(USER)));
    expect(k(actorOf(USER), '/programmes/x/dashboard')).not.toBe(k(actorOf(USER)));
    expect(k(actorOf(USER), '/me/tasks', { limit: '5', overdue: 'true' })).toBe(
      k(actorOf(USER), '/me/tasks', { overdue: 'true', limit: '5' }),
    );
    expect(k(actorOf(USER), '/me/tasks', { limit: '5' })).not.toBe(
      k(actorOf(USER), '/me/tasks', { limit: '6' }),
    );
    expect(k(actorOf(USER), '/me/tasks', {}, '2026-11-27')).not.toBe(k(actorOf(USER)));
  });

  it('a PostgreSQL notification drops everything', async () => {
    await sut.read(key, render);
    version = 2;
    feed.listener!.changed();
    expect(sut.size).toBe(0);
    expect(await sut.read(key, render)).toBe('{"version":2}');
  });

  it('a write request drops every entry through the replica feed (afterWrite publishes)', async () => {
    await sut.read(key, render);
    version = 2;
    await sut.afterWrite();
    expect(events.readsChanged).toHaveBeenCalledTimes(1);
    expect(await sut.read(key, render)).toBe('{"version":2}');
  });

  it('a session eviction of any kind drops everything too', async () => {
    await sut.read(key, render);
    events.listener!.evict({ sessionIds: ['s'], userIds: [] });
    expect(sut.size).toBe(0);
  });

  it('a render that began before a change is answered but not stored', async () => {
    let release!: () => void;
    const slow = async () => {
      await new Promise<void>((r) => (release = r));
      return '{"version":"old"}';
    };
    const inFlight = sut.read(key, slow);
    await Promise.resolve();
    feed.listener!.changed();
    release();
    expect(await inFlight).toBe('{"version":"old"}');
    expect(sut.size).toBe(0);
    expect(await sut.read(key, render)).toBe('{"version":1}');
  });

  it('concurrent misses of one key share one render; after a change a new request does not join it', async () => {
    let release!: () => void;
    let slowRenders = 0;
    const slow = async () => {
      slowRenders++;
      const seen = version; // what the read saw when it began
      await new Promise<void>((r) => (release = r));
      return JSON.stringify({ version: seen });
    };
    const first = sut.read(key, slow);
    const second = sut.read(key, slow);
    const other = sut.read(ReadCache.keyOf(actorOf(OTHER), '/me/tasks', {}, '2026-11-26'), render);
    await Promise.resolve();
    expect(slowRenders).toBe(1);
    // A change while the render is in flight: a request arriving now renders for itself.
    feed.listener!.changed();
    version = 2;
    const afterChange = sut.read(key, render);
    release();
    expect(await first).toBe('{"version":1}');
    expect(await second).toBe('{"version":1}');
    expect(await afterChange).toBe('{"version":2}');
    expect(await other).toBe('{"version":1}');
    expect([sut.shared, renders]).toEqual([1, 2]);
  });

  it('a failed shared render fails every request that joined it, and stores nothing', async () => {
    let fail!: (e: Error) => void;
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const first = sut.read(key, failing);
    const second = sut.read(key, failing);
    await Promise.resolve();
    fail(new Error('not found'));
    await expect(first).rejects.toThrow('not found');
    await expect(second).rejects.toThrow('not found');
    expect(sut.size).toBe(0);
    expect(await sut.read(key, render)).toBe('{"version":1}');
  });

  it('bypasses (and forgets) while either feed is not live', async () => {
    await sut.read(key, render);
    feed.live = false;
    version = 2;
    expect(await sut.read(key, render)).toBe('{"version":2}');
    expect(sut.size).toBe(0);
    feed.live = true;
    events.live = false;
    version = 3;
    expect(await sut.read(key, render)).toBe('{"version":3}');
    expect(sut.size).toBe(0);
    events.live = true;
    await sut.read(key, render);
    expect(sut.size).toBe(1);
  });

  it('a render finishing after a feed went down is not stored', async () => {
    let release!: () => void;
    const slow = async () => {
      await new Promise<void>((r) => (release = r));
      return '{}';
    };
    const inFlight = sut.read(key, slow);
    await Promise.resolve();
    feed.live = false;
    release();
    await inFlight;
    expect(sut.size).toBe(0);
  });

  it('a reset (feed lost or reconnected) forgets everything', async () => {
    await sut.read(key, render);
    feed.listener!.reset();
    expect(sut.size).toBe(0);
  });

  it('a failed render stores nothing', async () => {
    await expect(sut.read(key, () => Promise.reject(new Error('403')))).rejects.toThrow('403');
    expect(sut.size).toBe(0);
  });

  it('entries expire after READ_CACHE_TTL_MS', async () => {
    make(40);
    await sut.read(key, render);
    version = 2;
    expect(await sut.read(key, render)).toBe('{"version":1}');
    await new Promise((r) => setTimeout(r, 80));
    expect(await sut.read(key, render)).toBe('{"version":2}');
  });

  it('TTL 0: always renders, never listens, publishes nothing after writes', async () => {
    make(0);
    expect(sut.enabled).toBe(false);
    await sut.read(key, render);
    await sut.read(key, render);
    await sut.afterWrite();
    expect(renders).toBe(2);
    expect(feed.listen).not.toHaveBeenCalled();
    expect(events.listen).not.toHaveBeenCalled();
    expect(events.readsChanged).not.toHaveBeenCalled();
  });
});
