import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { createRedis } from '@tandem/core';

type Record_ = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters shared by all api replicas in Redis. When Redis is unreachable the limits
 * fall back to this replica's memory: Redis being down must not fail sign-in or any other request.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(ResilientThrottlerStorage.name);
  private readonly redis: ThrottlerStorageRedisService;
  private readonly memory = new ThrottlerStorageService();

  constructor(url: string) {
    const connection = createRedis(url, 'producer', { keyPrefix: 'tandem:throttle:' });
    connection.on('error', () => undefined);
    this.redis = new ThrottlerStorageRedisService(connection);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<Record_> {
    try {
      return await this.redis.increment(key, ttl, limit, blockDuration, name);
    } catch (err) {
      this.logger.warn(`rate limits use local memory while Redis is unavailable: ${(err as Error).message}`);
      return this.memory.increment(key, ttl, limit, blockDuration, name);
    }
  }

  close(): void {
    this.redis.onModuleDestroy();
    this.redis.redis.disconnect();
    this.memory.onApplicationShutdown();
  }
}
