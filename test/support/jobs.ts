import type IORedis from 'ioredis';

/** Every job Redis holds for any queue, by name (BullMQ keeps one hash per job). */
export async function jobNames(redis: IORedis): Promise<string[]> {
  const names: string[] = [];
  for (const key of await redis.keys('bull:*')) {
    if ((await redis.type(key)) !== 'hash') continue;
    const name = await redis.hget(key, 'name');
    if (name) names.push(name);
  }
  return names;
}

/**
 * The ids of a queue's delayed jobs other than job schedulers' next runs (`repeat:{schedulerId}:…`,
 * one per scheduler at most, whose presence at a given instant depends on when each last ran).
 */
export async function delayedJobIds(redis: IORedis, queue: string): Promise<string[]> {
  return (await redis.zrange(`bull:${queue}:delayed`, 0, -1)).filter((id) => !id.startsWith('repeat:'));
}
