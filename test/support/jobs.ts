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
