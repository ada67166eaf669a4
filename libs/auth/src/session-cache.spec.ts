import { Actor, AppConfig, MembershipRole, PlatformRole, SessionEvents } from '@tandem/core';
import { SessionCache } from './session-cache';

const USER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const actorOf = (userId: string, sessionId: string, role = MembershipRole.Member): Actor => ({
  userId,
  email: `${userId.slice(0, 4)}@example.test`,
  platformRole: PlatformRole.User,
  sessionId,
  memberships: [{ organizationId: '33333333-3333-4333-8333-333333333333', role }],
});

/** The feed as the cache sees it: live or not, and the listener it registered. */
class FakeEvents {
  live = true;
  listener?: SessionCache;
  listen = jest.fn((l: SessionCache) => (this.listener = l));
}

describe(SessionCache.name, () => {
  let events: FakeEvents;
  let sut: SessionCache;
  let db: Map<string, Actor>;
  let reads: number;
  const load = (userId: string, sessionId: string) => async () => {
    reads++;
    const a = db.get(sessionId);
    return a && a.userId === userId ? a : null;
  };

  const make = (ttl = 10_000) => {
    events = new FakeEvents();
    sut = new SessionCache(
      { SESSION_CACHE_TTL_MS: ttl, SESSION_CACHE_MAX: 100 } as AppConfig,
      events as unknown as SessionEvents,
    );
  };

  beforeEach(() => {
    db = new Map([
      ['s1', actorOf(USER, 's1')],
      ['s2', actorOf(USER, 's2')],
      ['s3', actorOf(OTHER, 's3')],
    ]);
    reads = 0;
    make();
  });

  it('reads a live session once, then answers from memory; starts listening on first use', async () => {
    expect(events.listen).not.toHaveBeenCalled();
    const first = await sut.get(USER, 's1', load(USER, 's1'));
    const second = await sut.get(USER, 's1', load(USER, 's1'));
    expect(second).toBe(first);
    expect(reads).toBe(1);
    expect(events.listen).toHaveBeenCalledTimes(1);
    expect(events.listener).toBe(sut);
  });

  it('never answers a session for another user id than the one it was read for', async () => {
    await sut.get(USER, 's1', load(USER, 's1'));
    expect(await sut.get(OTHER, 's1', load(OTHER, 's1'))).toBeNull();
    expect(reads).toBe(2);
  });

  it('does not remember refused sessions', async () => {
    db.delete('s1');
    expect(await sut.get(USER, 's1', load(USER, 's1'))).toBeNull();
    db.set('s1', actorOf(USER, 's1'));
    expect(await sut.get(USER, 's1', load(USER, 's1'))).not.toBeNull();
    expect(reads).toBe(2);
  });

  it('an ended session is read again (and refused) right after its eviction', async () => {
    await sut.get(USER, 's1', load(USER, 's1'));
    await sut.get(USER, 's2', load(USER, 's2'));
    db.delete('s1');
    sut.evict({ sessionIds: ['s1'], userIds: [] });
    expect(await sut.get(USER, 's1', load(USER, 's1'))).toBeNull();
    expect(await sut.get(USER, 's2', load(USER, 's2'))).not.toBeNull();
    expect(reads).toBe(3);
  });

  it("a user's change evicts every session of that user and only theirs", async () => {
    for (const [s, u] of [
      ['s1', USER],
      ['s2', USER],
      ['s3', OTHER],
    ])
      await sut.get(u, s, load(u, s));
    db.set('s1', actorOf(USER, 's1', MembershipRole.OrgAdmin));
    db.set('s2', actorOf(USER, 's2', MembershipRole.OrgAdmin));
    sut.evict({ sessionIds: [], userIds: [USER] });
    expect(sut.size).toBe(1);
    expect((await sut.get(USER, 's1', load(USER, 's1')))?.memberships[0].role).toBe(MembershipRole.OrgAdmin);
    expect((await sut.get(USER, 's2', load(USER, 's2')))?.memberships[0].role).toBe(MembershipRole.OrgAdmin);
    await sut.get(OTHER, 's3', load(OTHER, 's3'));
    expect(reads).toBe(5);
  });

  it('a read that started before an eviction is answered but not kept (it may predate the change)', async () => {
    let finish!: (a: Actor | null) => void;
    const slow = sut.get(USER, 's1', () => new Promise<Actor | null>((r) => (finish = r)));
    sut.evict({ sessionIds: ['s1'], userIds: [] });
    finish(actorOf(USER, 's1'));
    expect(await slow).not.toBeNull();
    expect(sut.size).toBe(0);
    db.delete('s1');
    expect(await sut.get(USER, 's1', load(USER, 's1'))).toBeNull();
  });

  it('while the eviction feed is not live: every request reads the database, and memory is dropped', async () => {
    await sut.get(USER, 's1', load(USER, 's1'));
    expect(sut.size).toBe(1);
    events.live = false;
    await sut.get(USER, 's1', load(USER, 's1'));
    await sut.get(USER, 's1', load(USER, 's1'));
    expect(reads).toBe(3);
    expect(sut.size).toBe(0);
    // Back: it caches again, from a fresh read.
    events.live = true;
    await sut.get(USER, 's1', load(USER, 's1'));
    await sut.get(USER, 's1', load(USER, 's1'));
    expect(reads).toBe(4);
  });

  it('a feed reset (Redis was away) forgets everything, in-flight reads included', async () => {
    await sut.get(USER, 's1', load(USER, 's1'));
    let finish!: (a: Actor | null) => void;
    const slow = sut.get(OTHER, 's3', () => new Promise<Actor | null>((r) => (finish = r)));
    sut.reset();
    finish(actorOf(OTHER, 's3'));
    await slow;
    expect(sut.size).toBe(0);
  });

  it('SESSION_CACHE_TTL_MS=0: no cache, no subscription', async () => {
    make(0);
    await sut.get(USER, 's1', load(USER, 's1'));
    await sut.get(USER, 's1', load(USER, 's1'));
    expect(reads).toBe(2);
    expect(events.listen).not.toHaveBeenCalled();
  });
});
