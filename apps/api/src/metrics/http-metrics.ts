import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Metrics } from '@app/metrics';

/** The login route: its refusals and throttles are counted apart. */
const LOGIN_ROUTE = '/auth/login';

/**
 * Counts every request by method, route template (`/tasks/:id`, never the URL with its ids) and
 * status, with its latency; a request no route matched is `unmatched`.
 */
export function recordHttpMetrics(metrics: Metrics): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.on('finish', () => {
      const template = (request.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched';
      const status = response.statusCode;
      metrics.httpRequest(request.method, route, status, (performance.now() - started) / 1000);
      if (route !== LOGIN_ROUTE) return;
      if (status === 401) metrics.loginFailed();
      if (status === 429) metrics.loginThrottled();
    });
    next();
  };
}
