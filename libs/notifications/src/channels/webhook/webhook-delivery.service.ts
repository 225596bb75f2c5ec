import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { NoticeEntity } from '../../notice.entity';
import { NoticeDeliveryEntity, UnitWebhookEntity } from './webhook.entities';
import { webhookPayload } from './webhook-payload';
import { WebhookSender } from './webhook-sender';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './webhook-signature';

export type WebhookOutcome =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'not_due'; notBefore: Date }
  | { outcome: 'failed'; attempts: number; error: string; final: boolean };

/**
 * Sends one notice to its unit's webhook. Re-reads the delivery row under a row lock and acts only
 * if it is pending and due, so a second job run, a retry or a second worker posts nothing more once
 * it went out. A failed attempt is recorded (attempts, status, error); on the last one the row is
 * `failed`. The lock is held for one request at most (the sender's timeout).
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sender: WebhookSender,
  ) {}

  async deliver(noticeId: string, options: { finalAttempt: boolean }): Promise<WebhookOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOne(NoticeDeliveryEntity, {
        where: { noticeId, channel: 'webhook' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) return { outcome: 'skipped', reason: 'no delivery recorded' };
      if (delivery.state !== 'pending') return { outcome: 'skipped', reason: `delivery already ${delivery.state}` };
      const now = this.clock.now();
      if (delivery.notBefore > now) return { outcome: 'not_due', notBefore: delivery.notBefore };
      const notice = await manager.findOneByOrFail(NoticeEntity, { id: noticeId });
      const webhook = await manager.findOneBy(UnitWebhookEntity, { unitCode: notice.unitCode });
      if (!webhook || !webhook.enabled) {
        await manager.update(
          NoticeDeliveryEntity,
          { noticeId, channel: 'webhook' },
          { state: 'failed', lastError: '单位的 Webhook 已删除或停用' },
        );
        return { outcome: 'skipped', reason: 'webhook removed or disabled' };
      }
      const body = JSON.stringify(webhookPayload(notice));
      const headers = {
        [SIGNATURE_HEADER]: signBody(webhook.secret, body),
        [TIMESTAMP_HEADER]: String(Math.floor(now.getTime() / 1000)),
        [DELIVERY_HEADER]: notice.id,
      };
      const result = await this.sender.post(webhook.url, body, headers);
      const attempts = delivery.attempts + 1;
      if (result.ok) {
        await manager.update(
          NoticeDeliveryEntity,
          { noticeId, channel: 'webhook' },
          { state: 'delivered', attempts, lastStatus: result.status, lastError: null, deliveredAt: this.clock.now() },
        );
        return { outcome: 'delivered', status: result.status };
      }
      await manager.update(
        NoticeDeliveryEntity,
        { noticeId, channel: 'webhook' },
        {
          attempts,
          lastStatus: result.status,
          lastError: result.error,
          ...(options.finalAttempt ? { state: 'failed' as const } : {}),
        },
      );
      return { outcome: 'failed', attempts, error: result.error, final: options.finalAttempt };
    });
  }
}
