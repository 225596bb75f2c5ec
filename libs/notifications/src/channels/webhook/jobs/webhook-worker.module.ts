import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks.module';
import { WebhookProcessor } from './webhook.processor';

/** The webhook processor of the worker process; at start it re-queues pending deliveries. */
@Module({ imports: [WebhooksModule], providers: [WebhookProcessor] })
export class WebhookWorkerModule {}
