import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'off' | 'allowed' | 'refused';

/**
 * Who may read /metrics: nobody when no token is configured (the endpoint does not exist), else a
 * request whose Authorization header is `Bearer <token>`, compared in constant time.
 */
export function metricsAccess(configured: string | undefined, authorization: string | undefined): MetricsAccess {
  if (!configured) return 'off';
  const [scheme, given] = (authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !given) return 'refused';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(configured)) ? 'allowed' : 'refused';
}
