import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@app/calendar';
import { insertNotices, type NewNotice } from './notice-writer';
import { recordWebhookDeliveries } from './channels/webhook/record-deliveries';
import { WebhookQueue, type WebhookWakeUp } from './channels/webhook/webhook-queue';

export interface WrittenNoticeBatch {
  /** How many notices were new (a repeated key writes nothing). */
  count: number;
  /** Webhook deliveries to queue once the transaction has committed. */
  webhooks: WebhookWakeUp[];
}

/**
 * The one way domain code sends notices: into the units' inboxes and, for units with a webhook,
 * a delivery to their own system within working hours — all inside the caller's transaction.
 */
@Injectable()
export class NoticeOutbox {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly webhookQueue: WebhookQueue,
  ) {}

  async write(manager: EntityManager, notices: NewNotice[], now: Date): Promise<WrittenNoticeBatch> {
    const count = await insertNotices(manager, notices, now);
    const webhooks = await recordWebhookDeliveries(
      manager,
      { dedupeKeys: notices.map((notice) => notice.dedupeKey) },
      now,
      this.calendar,
    );
    return { count, webhooks };
  }

  /** After commit: queue the webhook deliveries (a queue that is away leaves them to the reconciler). */
  wakeAfterCommit(webhooks: WebhookWakeUp[]): Promise<void> {
    return this.webhookQueue.wakeAfterCommit(webhooks);
  }
}
