import type { Redis } from 'ioredis';

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

/** Renew this long before the platform says a token expires, so none is used in its last minutes. */
const EARLY_RENEWAL_SECONDS = 300;
const LOCK_MS = 10_000;
const POLL_MS = 25;

/** Deletes the cached token only if it is still the stale one: a fresh one fetched meanwhile survives. */
const DELETE_IF_SAME = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * A platform's access token (WeCom, DingTalk), cached in Redis until shortly before it expires and
 * shared by every worker. One process fetches a new one at a time (a lock); the others wait for it.
 * gettoken has its own rate limit, so a burst of jobs must not each ask for a token.
 */
export class AccessTokenCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(name: string, fetch: () => Promise<FetchedToken>): Promise<string> {
    const key = this.key(name);
    const deadline = Date.now() + LOCK_MS;
    for (;;) {
      const cached = await this.redis.get(key);
      if (cached) return cached;
      if (await this.redis.set(`${key}:refresh`, '1', 'PX', LOCK_MS, 'NX')) return this.refresh(key, fetch);
      if (Date.now() > deadline) throw new Error(`access token for ${name}: another process is still fetching it`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The platform said `stale` has expired: forget it (once), so the next get fetches a new one. */
  async expire(name: string, stale: string): Promise<void> {
    await this.redis.eval(DELETE_IF_SAME, 1, this.key(name), stale);
  }

  private async refresh(key: string, fetch: () => Promise<FetchedToken>): Promise<string> {
    try {
      const fetched = await fetch();
      const ttl = Math.max(60, fetched.expiresInSeconds - EARLY_RENEWAL_SECONDS);
      await this.redis.set(key, fetched.token, 'EX', ttl);
      return fetched.token;
    } finally {
      await this.redis.del(`${key}:refresh`);
    }
  }

  private key(name: string): string {
    return `${this.prefix}:channel-token:${name}`;
  }
}
