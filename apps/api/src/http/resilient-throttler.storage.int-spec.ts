import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import IORedis from 'ioredis';
import { TestRedis } from '../../../../test/support/stack';
import { ResilientThrottlerStorage } from './resilient-throttler.storage';

const TTL = 60_000;

/** Until the storage's connection is ready (before, it counts in memory, as when Redis is away). */
async function connected(storage: ResilientThrottlerStorage): Promise<void> {
  const connection = (storage as unknown as { redis: IORedis }).redis;
  for (let i = 0; i < 200 && connection.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  expect(connection.status).toBe('ready');
}

describe(ResilientThrottlerStorage.name, () => {
  const redis = new TestRedis();
  let sut: ResilientThrottlerStorage;
  let plainConnection: IORedis;
  let plain: ThrottlerStorageRedisService;

  beforeAll(async () => {
    await redis.start();
    sut = new ResilientThrottlerStorage(redis.url);
    plainConnection = new IORedis(redis.url, { keyPrefix: 'tandem:throttle:' });
    plain = new ThrottlerStorageRedisService(plainConnection);
    await connected(sut);
  });

  afterAll(async () => {
    sut.close();
    plainConnection.disconnect();
    await redis.stop();
  });

  it('concurrent hits are counted one by one, as the per-request script counts them: exact limit, then blocked', async () => {
    const limit = 25;
    const connection = (sut as unknown as { redis: { throttleHits: () => unknown } }).redis;
    const calls = jest.spyOn(connection, 'throttleHits');
    const batched = await Promise.all(
      Array.from({ length: 60 }, () => sut.increment('batched', TTL, limit, 30_000, 'default')),
    );
    const oneByOne = [];
    for (let i = 0; i < 60; i++)
      oneByOne.push(await plain.increment('single', TTL, limit, 30_000, 'default'));
    const shape = (r: { totalHits: number; isBlocked: boolean }) => [r.totalHits, r.isBlocked];
    expect(batched.map(shape)).toEqual(oneByOne.map(shape));
    expect(batched.filter((r) => !r.isBlocked)).toHaveLength(limit);
    expect(batched.map((r) => r.totalHits)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(calls.mock.calls.length).toBeLessThanOrEqual(2); // the first hit, then the 59 queued behind it
    calls.mockRestore();
    expect(batched[0].timeToExpire).toBe(60);
    expect(batched.at(-1)!.timeToBlockExpire).toBe(30);
  });

  it('shares its counters with the per-request script (replicas of the previous release)', async () => {
    await plain.increment('shared', TTL, 10, TTL, 'default');
    const [a, b] = await Promise.all([
      sut.increment('shared', TTL, 10, TTL, 'default'),
      sut.increment('shared', TTL, 10, TTL, 'default'),
    ]);
    expect([a.totalHits, b.totalHits]).toEqual([2, 3]);
    expect((await plain.increment('shared', TTL, 10, TTL, 'default')).totalHits).toBe(4);
  });

  it('counts in local memory while Redis is away', async () => {
    await redis.stop();
    try {
      const results = await Promise.all(
        Array.from({ length: 3 }, () => sut.increment('away', TTL, 2, TTL, 'default')),
      );
      expect(results.map((r) => r.isBlocked)).toEqual([false, false, true]);
    } finally {
      await redis.start();
      await connected(sut);
    }
  });
});
