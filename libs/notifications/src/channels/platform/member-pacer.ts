import type { Redis } from 'ioredis';

export interface PaceLimit {
  /** Window length in milliseconds, aligned to the clock (a minute from :00, an hour from :00). */
  windowMs: number;
  max: number;
}

/** WeCom: per member at most 30 messages a minute and 1,000 an hour; more are dropped without a word. */
export const WECOM_MEMBER_LIMITS: readonly PaceLimit[] = [
  { windowMs: 60_000, max: 30 },
  { windowMs: 3_600_000, max: 1000 },
];

/**
 * Checks every window, then counts the send in all of them, atomically: returns 0 (send now) or the
 * milliseconds until the fullest window reopens (send nothing now).
 */
const RESERVE = `
local wait = 0
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    wait = math.max(wait, tonumber(ARGV[2 * i]))
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], ARGV[#KEYS * 2 + 1])
end
return 0`;

/**
 * Paces sends per member across every worker, on counters in Redis keyed by the Clock's windows, so a
 * member never gets more than a platform passes on (the rest would be dropped silently).
 */
export class MemberPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: readonly PaceLimit[],
  ) {}

  /** 0: the send is counted, go. Otherwise: wait that long and ask again. */
  async reserve(channel: string, member: string, now: Date): Promise<number> {
    const at = now.getTime();
    const keys = this.limits.map(
      (limit) => `${this.prefix}:pace:${channel}:${limit.windowMs}:${Math.floor(at / limit.windowMs)}:${member}`,
    );
    const args = this.limits.flatMap((limit) => [limit.max, limit.windowMs - (at % limit.windowMs)]);
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    return Number(await this.redis.eval(RESERVE, keys.length, ...keys, ...args, 2 * longest));
  }
}

/** WeCom asks apps to avoid the exact hour and half hour, when everyone sends: move those minutes on by one (Shanghai's
 * offset is whole hours, so its minutes are UTC's). */
export function avoidRushMinutes(at: Date): Date {
  const minute = at.getUTCMinutes();
  if (minute !== 0 && minute !== 30) return at;
  return new Date(at.getTime() + 60_000);
}
