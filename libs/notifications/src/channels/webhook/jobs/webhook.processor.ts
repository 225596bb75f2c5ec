import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '@app/common';
import { QUEUES, type JobPayloads } from '@app/queues';
import { WebhookDeliveryService, type WebhookOutcome } from '../webhook-delivery.service';
import { WebhookReconciler } from '../webhook-reconciler';

type WebhookJobName = 'notice.webhook' | 'webhooks.reconcile';

/** The attempt that failed and will not be retried: BullMQ counts failed attempts in `attemptsMade`. */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Thin: each job calls one service method. A failed POST is recorded by the service, then thrown so
 * BullMQ retries with backoff; a delivery woken early goes back to sleep until it may go out.
 */
@Processor(QUEUES.webhooks, { concurrency: 4 })
export class WebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookProcessor.name);

  /** A lost connection or an emptied Redis: say so and carry on; the reconciler repairs what it lost. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker error: ${error.message}`);
  }

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly reconciler: WebhookReconciler,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(
    job: Job<JobPayloads[WebhookJobName], unknown, WebhookJobName>,
    token?: string,
  ): Promise<WebhookOutcome | { requeued: number }> {
    if (job.name === 'webhooks.reconcile') return this.reconciler.reconcile();
    const { noticeId } = job.data as JobPayloads['notice.webhook'];
    const outcome = await this.delivery.deliver(noticeId, { finalAttempt: isFinalAttempt(job) });
    if (outcome.outcome === 'not_due') {
      await job.moveToDelayed(
        Date.now() + Math.max(1000, outcome.notBefore.getTime() - this.clock.now().getTime()),
        token,
      );
      throw new DelayedError();
    }
    if (outcome.outcome === 'failed') {
      const message = `webhook delivery of notice ${noticeId} failed (attempt ${outcome.attempts}${outcome.final ? ', giving up' : ''}): ${outcome.error}`;
      if (outcome.final) this.logger.warn(message);
      throw new Error(message);
    }
    if (outcome.outcome === 'skipped') this.logger.debug(`webhook ${job.id} skipped: ${outcome.reason}`);
    return outcome;
  }
}
