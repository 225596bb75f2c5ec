import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/queues';
import { AppConfig } from '@app/common';
import { AuthModule } from '../auth/auth.module';
import { TokenService } from '../auth/token.service';
import { QUEUE_BOARD_ROUTE, queueBoardAccess } from './queue-board-access';

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
      inject: [TokenService, AppConfig],
      useFactory: (tokens: TokenService, config: AppConfig) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: QuietExpressAdapter,
        middleware: queueBoardAccess(tokens, config),
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
