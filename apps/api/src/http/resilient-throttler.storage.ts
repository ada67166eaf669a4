import { ExecutionContext, Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { createRedis } from '@tandem/core';
import type IORedis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

type Record_ = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One hit, n times over, atomically: the script of @nest-lab/throttler-storage-redis (rate-limit-redis'
 * fixed window with a block) run in a loop, returning each hit's
 * `totalHits, timeToExpire (ms), isBlocked (0|1), timeToBlockExpire (ms)` in turn. Same keys and
 * values as that package wrote, so replicas running either agree on the counts.
 */
const HITS_SCRIPT = `
local hitKey = KEYS[1]
local blockKey = KEYS[2]
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockDuration = tonumber(ARGV[3])
local n = tonumber(ARGV[4])
local out = {}
for i = 1, n do
  local totalHits = redis.call('INCR', hitKey)
  local timeToExpire = redis.call('PTTL', hitKey)
  if timeToExpire <= 0 then
    redis.call('PEXPIRE', hitKey, ttl)
    timeToExpire = ttl
  end
  local isBlocked = redis.call('GET', blockKey)
  local timeToBlockExpire = 0
  if isBlocked then
    timeToBlockExpire = redis.call('PTTL', blockKey)
  elseif totalHits > limit then
    redis.call('SET', blockKey, 1, 'PX', blockDuration)
    isBlocked = '1'
    timeToBlockExpire = blockDuration
  end
  if isBlocked and timeToBlockExpire <= 0 then
    redis.call('DEL', blockKey)
    redis.call('SET', hitKey, 1, 'PX', ttl)
    totalHits = 1
    timeToExpire = ttl
    isBlocked = false
  end
  out[#out + 1] = totalHits
  out[#out + 1] = timeToExpire
  out[#out + 1] = isBlocked and 1 or 0
  out[#out + 1] = timeToBlockExpire
end
return out
`;

type HitsConnection = IORedis & {
  throttleHits(
    hitKey: string,
    blockKey: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    n: number,
  ): Promise<unknown>;
};

/** Hits of one counter waiting for the call in flight on it to return. */
interface Batch {
  waiters: { resolve: (r: Record_) => void; reject: (err: unknown) => void }[];
}

/** One counter with a call in flight: its keys and settings, and the hits queued behind the call. */
interface Counter {
  tag: string;
  ttl: number;
  limit: number;
  blockDuration: number;
  next?: Batch;
}

/**
 * Rate-limit counters shared by all api replicas in Redis. When Redis is unreachable the limits
 * fall back to this replica's memory: Redis being down must not fail sign-in or any other request.
 *
 * Exact, with fewer round trips: at most one call per counter is in flight from this replica; the
 * hits that arrive meanwhile go in the next call together, which counts them one by one in Redis
 * (HITS_SCRIPT) and gives each its own result, as separate calls arriving back to back would
 * (docs/performance.md#reads). Under load a replica makes one round trip per counter per Redis
 * round-trip time instead of one per request; alone, a request's hit goes at once.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(ResilientThrottlerStorage.name);
  private readonly redis: HitsConnection;
  private readonly memory = new ThrottlerStorageService();
  /** The counters with a call in flight, by counter and settings. */
  private readonly counters = new Map<string, Counter>();

  constructor(url: string) {
    const connection = createRedis(url, 'producer', { keyPrefix: 'tandem:throttle:' });
    connection.on('error', () => undefined);
    // EVALSHA, with EVAL when Redis does not know the script yet (ioredis handles NOSCRIPT).
    connection.defineCommand('throttleHits', { numberOfKeys: 2, lua: HITS_SCRIPT });
    this.redis = connection as HitsConnection;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<Record_> {
    try {
      // One counter per key, throttler and settings.
      const id = `${key}\n${name}\n${ttl}\n${limit}\n${blockDuration}`;
      return await this.hit(id, { tag: `{${key}:${name}}`, ttl, limit, blockDuration });
    } catch (err) {
      this.logger.warn(`rate limits use local memory while Redis is unavailable: ${(err as Error).message}`);
      return this.memory.increment(key, ttl, limit, blockDuration, name);
    }
  }

  /** Sends the hit at once, or queues it behind the call in flight on the same counter. */
  private hit(id: string, counter: Counter): Promise<Record_> {
    return new Promise<Record_>((resolve, reject) => {
      const waiter = { resolve, reject };
      const busy = this.counters.get(id);
      if (busy) {
        (busy.next ??= { waiters: [] }).waiters.push(waiter);
        return;
      }
      this.counters.set(id, counter);
      this.flush(id, counter, { waiters: [waiter] });
    });
  }

  /** Sends one batch; when it returns, sends what queued meanwhile, or forgets the counter. */
  private flush(id: string, counter: Counter, batch: Batch): void {
    const n = batch.waiters.length;
    const { tag, ttl, limit, blockDuration } = counter;
    this.redis
      .throttleHits(`${tag}:hits`, `${tag}:blocked`, ttl, limit, blockDuration, n)
      .then((results) => {
        if (!Array.isArray(results) || results.length !== 4 * n || results.some((v) => typeof v !== 'number'))
          throw new TypeError(`Expected ${4 * n} numbers from the rate-limit script`);
        const values = results as number[];
        batch.waiters.forEach((w, i) =>
          w.resolve({
            totalHits: values[4 * i],
            timeToExpire: Math.ceil(values[4 * i + 1] / 1000),
            isBlocked: values[4 * i + 2] === 1,
            timeToBlockExpire: Math.ceil(values[4 * i + 3] / 1000),
          }),
        );
      })
      .catch((err: unknown) => {
        for (const w of batch.waiters) w.reject(err);
      })
      .finally(() => {
        const next = counter.next;
        if (!next) {
          this.counters.delete(id);
          return;
        }
        counter.next = undefined;
        this.flush(id, counter, next);
      });
  }

  close(): void {
    this.redis.disconnect();
    this.memory.onApplicationShutdown();
  }
}

const recentKeys = new LRUCache<string, string>({ max: 10_000 });

/**
 * The throttler's default key (`sha256` of route, throttler and tracker: the same counters as
 * before), remembered for the trackers seen lately instead of hashed on every request.
 */
export function throttlerKey(context: ExecutionContext, tracker: string, name: string): string {
  const text = `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`;
  let key = recentKeys.get(text);
  if (key === undefined) {
    key = createHash('sha256').update(text).digest('hex');
    recentKeys.set(text, key);
  }
  return key;
}
