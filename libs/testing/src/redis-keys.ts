import { Redis } from 'ioredis';
import { loadConfig } from '@app/common';

/**
 * Empties Redis of one engine's keys (SCAN + UNLINK under its queue prefix), as a lost or flushed
 * Redis would leave it, without touching what other runs on the same server keep there. Uses the
 * given connection, or one of its own to the configured Redis.
 */
export async function emptyRedisOf(prefix: string, connection?: Redis): Promise<void> {
  const redis = connection ?? new Redis(loadConfig().REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    if (!connection) await redis.quit();
  }
}
