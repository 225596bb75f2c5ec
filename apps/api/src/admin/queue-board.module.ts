import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES } from '@app/queues';
import { AuthModule } from '../auth/auth.module';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** Reads the bearer token (header, or the `supervision_token` cookie a browser can carry) and lets admins through. */
export function adminOnly(jwt: JwtService) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.headers.authorization?.startsWith('Bearer ')
      ? request.headers.authorization.slice(7)
      : undefined;
    const cookie = /(?:^|;\s*)supervision_token=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    try {
      const claims = await jwt.verifyAsync<{ roles: string[] }>(header ?? cookie ?? '');
      if (claims.roles.includes('admin')) return next();
      response.status(403).json({ statusCode: 403, code: 'ROLE_REQUIRED', message: '此操作需要以下角色之一：admin' });
    } catch {
      response
        .status(401)
        .json({ statusCode: 401, code: 'TOKEN_INVALID', message: '登录令牌无效或已过期，请重新登录' });
    }
  };
}

/** Bull Board, the queue dashboard, for admins at /admin/queues. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [JwtService],
      useFactory: (jwt: JwtService) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: adminOnly(jwt),
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
