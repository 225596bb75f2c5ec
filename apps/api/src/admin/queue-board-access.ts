import type { NextFunction, Request, Response } from 'express';
import { type AppConfig, DomainError } from '@app/common';
import type { TokenService } from '../auth/token.service';

export const QUEUE_BOARD_ROUTE = '/admin/queues';
export const SESSION_COOKIE = 'supervision_token';

const READING = ['GET', 'HEAD', 'OPTIONS'];

/**
 * A request the browser made for another site carries the cookie but cannot fake these headers:
 * `Sec-Fetch-Site` (sent by every current browser) must say same-origin or a typed address, and
 * `Origin`, when present, must be this host. A write must show one of them, so a browser too old
 * to send either cannot be used from elsewhere.
 */
function isSameOrigin(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  if (origin !== undefined && origin !== `${request.protocol}://${request.headers.host}`) return false;
  return READING.includes(request.method) || site !== undefined || origin !== undefined;
}

function refuse(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ statusCode: status, code, message });
}

/**
 * Current admins only, by bearer header or by the dashboard's own cookie; a cookie-borne request from
 * another origin is refused, and the dashboard only reads unless QUEUE_BOARD_JOB_WRITING is on.
 */
export function queueBoardAccess(tokens: TokenService, config: AppConfig) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.headers.authorization?.startsWith('Bearer ')
      ? request.headers.authorization.slice(7)
      : undefined;
    const cookie = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(request.headers.cookie ?? '')?.[1];
    if (!header && cookie && !isSameOrigin(request))
      return refuse(response, 403, 'CROSS_SITE_REQUEST', '拒绝来自其他网站的请求');
    try {
      const user = await tokens.userOf(header ?? cookie ?? '');
      if (!user.roles.includes('admin')) return refuse(response, 403, 'ROLE_REQUIRED', '此操作需要以下角色之一：admin');
    } catch (error) {
      if (!(error instanceof DomainError)) return next(error);
      return refuse(response, 401, error.code, error.message);
    }
    if (!READING.includes(request.method) && !config.QUEUE_BOARD_JOB_WRITING)
      return refuse(response, 403, 'QUEUE_BOARD_READ_ONLY', '队列看板为只读（QUEUE_BOARD_JOB_WRITING 未开启）');
    next();
  };
}
