import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, WEBHOOK_RECURRING_JOBS } from './queue-registry';
import { WebhookProcessor } from './webhook.processor';
import { WebhookReconciler, WebhooksModule } from '@app/notifications';

/** The webhook processor of the worker process. At start it re-queues pending deliveries and declares its recurring repair. */
@Module({ imports: [WebhooksModule], providers: [WebhookProcessor] })
export class WebhookWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('WebhookWorker');

  constructor(
    private readonly reconciler: WebhookReconciler,
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const job of WEBHOOK_RECURRING_JOBS) await this.webhooks.upsertJobScheduler(job.schedulerId, { every: job.everyMs }, { name: job.name, data: {} });
    const report = await this.reconciler.reconcile();
    this.logger.log(`reconciled at start: ${report.requeued} pending webhook delivery(ies) handed to the queue`);
  }
}
