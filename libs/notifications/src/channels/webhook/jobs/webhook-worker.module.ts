import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, RecurringJobKeeper } from '@app/queues';
import { WebhookProcessor } from './webhook.processor';
import { WebhookReconciler } from '../webhook-reconciler';
import { WebhooksModule } from '../webhooks.module';

/** The webhook processor of the worker process. At start it re-queues pending deliveries and declares its recurring repair. */
@Module({ imports: [WebhooksModule], providers: [WebhookProcessor, RecurringJobKeeper] })
export class WebhookWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('WebhookWorker');

  constructor(
    private readonly reconciler: WebhookReconciler,
    private readonly recurring: RecurringJobKeeper,
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recurring.keep(this.webhooks);
    const report = await this.reconciler.reconcile();
    this.logger.log(`reconciled at start: ${report.requeued} pending webhook delivery(ies) handed to the queue`);
  }
}
