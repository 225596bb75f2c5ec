import { Processor } from '@nestjs/bullmq';
import { Clock } from '@app/common';
import type { ChannelOutcome } from '@app/metrics';
import { isFinalAttempt, JobProcessor, QUEUES, type JobHandlers } from '@app/queues';
import { WebhookDeliveryService, type WebhookOutcome } from '../webhook-delivery.service';
import { WebhookReconciler } from '../webhook-reconciler';

/** A delivery that waits for working hours is throttled; a skipped one (already sent, webhook removed) is not counted. */
const RECORDED_OUTCOMES: Record<WebhookOutcome['outcome'], ChannelOutcome | null> = {
  delivered: 'sent',
  failed: 'failed',
  not_due: 'throttled',
  skipped: null,
};

/**
 * Thin: each job calls one service method. A failed POST is recorded by the service, then thrown so
 * BullMQ retries with backoff; a delivery woken early goes back to sleep until it may go out.
 */
@Processor(QUEUES.webhooks, { concurrency: 4 })
export class WebhookProcessor extends JobProcessor<typeof QUEUES.webhooks> {
  readonly queueName = QUEUES.webhooks;
  readonly handlers: JobHandlers<typeof QUEUES.webhooks> = {
    'notice.webhook': async (job, token) => {
      const { noticeId } = job.data;
      const outcome = await this.delivery.deliver(noticeId, { finalAttempt: isFinalAttempt(job) });
      const recorded = RECORDED_OUTCOMES[outcome.outcome];
      if (recorded) this.metrics.channelDelivery('webhook', recorded);
      if (outcome.outcome === 'not_due') return this.sleepUntil(job, token, outcome.notBefore, this.clock.now());
      if (outcome.outcome === 'failed') {
        const message = `webhook delivery of notice ${noticeId} failed (attempt ${outcome.attempts}${outcome.final ? ', giving up' : ''}): ${outcome.error}`;
        if (outcome.final) this.logger.warn(message);
        throw new Error(message);
      }
      if (outcome.outcome === 'skipped') this.logger.debug(`webhook ${job.id} skipped: ${outcome.reason}`);
      return outcome;
    },
    'webhooks.reconcile': () => this.reconcile(),
  };

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly reconciler: WebhookReconciler,
    private readonly clock: Clock,
  ) {
    super();
  }

  private async reconcile(): Promise<{ requeued: number }> {
    const started = performance.now();
    const report = await this.reconciler.reconcile();
    this.metrics.reconcilerRan(QUEUES.webhooks, {
      at: this.clock.now(),
      seconds: (performance.now() - started) / 1000,
      requeued: report.requeued,
    });
    return report;
  }

  async onWorkerStart(): Promise<void> {
    const report = await this.reconcile();
    this.logger.log(`reconciled at start: ${report.requeued} pending webhook delivery(ies) handed to the queue`);
  }
}
