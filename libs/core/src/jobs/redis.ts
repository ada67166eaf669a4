import IORedis, { RedisOptions } from 'ioredis';

/**
 * Connections for BullMQ. Workers block on Redis, so they need maxRetriesPerRequest: null; producers
 * fail fast instead of queueing commands while Redis is away (the outbox keeps the event).
 */
export function createRedis(url: string, role: 'worker' | 'producer', extra: RedisOptions = {}): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: (times) => Math.min(200 * times, 2000),
    lazyConnect: false,
    ...extra,
  });
}
