import { Logger } from '@nestjs/common';

/** What the queue needs to wake one delivery up when it may go out. */
export interface WebhookWakeUp {
  noticeId: string;
  jobId: string;
  notBefore: Date;
}

/**
 * A delivery's job id is built from the channel and the notice, so queueing it twice queues it once.
 * BullMQ refuses custom ids with ':' (unless in three parts), hence the dash.
 */
export function webhookJobId(noticeId: string): string {
  return `webhook-${noticeId}`;
}

/**
 * The port through which notice writers ask for webhook deliveries to be queued after their
 * transaction commits. The BullMQ adapter implements it; a lost wake-up is repaired by
 * WebhookReconciler from the pending rows.
 */
export abstract class WebhookQueue {
  private readonly logger = new Logger('WebhookQueue');

  abstract wake(deliveries: WebhookWakeUp[]): Promise<void>;

  /** For callers whose notices are already committed: a queue that is away must not undo or fail them. */
  async wakeAfterCommit(deliveries: WebhookWakeUp[]): Promise<void> {
    if (deliveries.length === 0) return;
    try {
      await this.wake(deliveries);
    } catch (error) {
      this.logger.warn(
        `queue unavailable (${error instanceof Error ? error.message : String(error)}): the reconciler will queue ${deliveries.length} webhook delivery(ies)`,
      );
    }
  }
}
