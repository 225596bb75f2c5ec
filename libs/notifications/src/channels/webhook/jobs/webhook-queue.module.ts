import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { BullWebhookQueue, WebhookJobOptions } from './bull-webhook-queue';
import { QUEUE_JOB_OPTIONS, QUEUES } from '@app/queues';
import { WebhookQueue } from '../webhook-queue';

/**
 * The webhooks queue and the WebhookQueue port on it: for every process that writes notices.
 * Uses the BullMQ connection of StepQueueModule (import both).
 */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.webhooks, defaultJobOptions: QUEUE_JOB_OPTIONS.webhooks })],
  providers: [
    { provide: WebhookJobOptions, useValue: new WebhookJobOptions() },
    { provide: WebhookQueue, useClass: BullWebhookQueue },
  ],
  exports: [WebhookQueue, WebhookJobOptions, BullModule],
})
export class WebhookQueueModule {}
