import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES } from '@app/queues';
import { DomainError } from '@app/common';
import { AuthModule } from '../auth/auth.module';
import { TokenService } from '../auth/token.service';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** Reads the bearer token (header, or the `supervision_token` cookie a browser can carry) and lets current admins through. */
export function adminOnly(tokens: TokenService) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.headers.authorization?.startsWith('Bearer ')
      ? request.headers.authorization.slice(7)
      : undefined;
    const cookie = /(?:^|;\s*)supervision_token=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    try {
      const user = await tokens.userOf(header ?? cookie ?? '');
      if (user.roles.includes('admin')) return next();
      response.status(403).json({ statusCode: 403, code: 'ROLE_REQUIRED', message: '此操作需要以下角色之一：admin' });
    } catch (error) {
      if (!(error instanceof DomainError)) return next(error);
      response.status(401).json({ statusCode: 401, code: error.code, message: error.message });
    }
  };
}

/** Bull Board's own Express app, which would otherwise announce itself in X-Powered-By. */
class QuietExpressAdapter extends ExpressAdapter {
  constructor() {
    super();
    this.app.disable('x-powered-by');
  }
}

/** Bull Board, the queue dashboard, for admins at /admin/queues. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [TokenService],
      useFactory: (tokens: TokenService) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: QuietExpressAdapter,
        middleware: adminOnly(tokens),
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
