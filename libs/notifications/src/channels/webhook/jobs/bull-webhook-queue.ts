import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue, type BackoffOptions } from 'bullmq';
import { Clock } from '@app/common';
import { QUEUE_JOB_OPTIONS, QUEUES, type JobPayloads } from '@app/queues';
import { WebhookQueue, type WebhookWakeUp } from '../webhook-queue';

const CHUNK = 1000;

/** Retries per webhook delivery; the defaults come from the registry, a test or deployment may provide others. */
export class WebhookJobOptions {
  attempts: number = QUEUE_JOB_OPTIONS.webhooks.attempts ?? 8;
  backoff: BackoffOptions = { type: 'exponential', delay: 30_000 };
}

/** Deliveries become BullMQ delayed jobs whose ids are built from the notice, so adding one twice adds it once. */
@Injectable()
export class BullWebhookQueue extends WebhookQueue {
  constructor(
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue<JobPayloads['notice.webhook']>,
    private readonly clock: Clock,
    private readonly options: WebhookJobOptions,
  ) {
    super();
  }

  async wake(deliveries: WebhookWakeUp[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let start = 0; start < deliveries.length; start += CHUNK) {
      await this.queue.addBulk(
        deliveries.slice(start, start + CHUNK).map((delivery) => ({
          name: 'notice.webhook',
          data: { noticeId: delivery.noticeId },
          opts: {
            jobId: delivery.jobId,
            delay: Math.max(0, delivery.notBefore.getTime() - now),
            attempts: this.options.attempts,
            backoff: this.options.backoff,
          },
        })),
      );
    }
  }
}
