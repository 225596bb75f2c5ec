import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { UnitWebhookEntity, type DeliveryState } from './webhook.entities';
import { resolveWebhookAddress } from './webhook-address';
import { WebhookSettings } from './webhook-settings';
import { checkWebhookSecret, checkWebhookUrl } from './webhook-url';

/** A webhook as the API shows it: never the secret. */
export interface WebhookView {
  unitCode: string;
  url: string;
  enabled: boolean;
  createdAt: Date;
  secretConfigured: true;
}

export interface DeliveryView {
  noticeId: string;
  title: string;
  kind: string;
  noticeCreatedAt: Date;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  notBefore: Date;
  deliveredAt: Date | null;
}

function view(webhook: UnitWebhookEntity): WebhookView {
  return {
    unitCode: webhook.unitCode,
    url: webhook.url,
    enabled: webhook.enabled,
    createdAt: webhook.createdAt,
    secretConfigured: true,
  };
}

/** Admin side of the channel: set, remove and watch a unit's webhook. */
@Injectable()
export class WebhookAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: WebhookSettings,
  ) {}

  /** Sets or replaces the unit's webhook; a replaced one keeps its start, so no notice is sent twice or skipped. */
  async configure(unitCode: string, request: { url: string; secret: string; enabled?: boolean }): Promise<WebhookView> {
    const url = checkWebhookUrl(request.url);
    checkWebhookSecret(request.secret);
    await resolveWebhookAddress(url, this.settings);
    await this.requireUnit(unitCode);
    await this.dataSource.query(
      `INSERT INTO unit_webhooks (unit_code, url, secret, enabled, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (unit_code) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, enabled = EXCLUDED.enabled`,
      [unitCode, url, request.secret, request.enabled ?? true, this.clock.now()],
    );
    return view(await this.dataSource.manager.findOneByOrFail(UnitWebhookEntity, { unitCode }));
  }

  async get(unitCode: string): Promise<WebhookView> {
    const webhook = await this.dataSource.manager.findOneBy(UnitWebhookEntity, { unitCode });
    if (!webhook)
      throw new DomainError('not_found', 'WEBHOOK_NOT_FOUND', `单位 ${unitCode} 未配置 Webhook`, { field: 'code' });
    return view(webhook);
  }

  /** Removes it; deliveries still pending then end `failed` with the reason. */
  async remove(unitCode: string): Promise<void> {
    const result = await this.dataSource.manager.delete(UnitWebhookEntity, { unitCode });
    if (!result.affected)
      throw new DomainError('not_found', 'WEBHOOK_NOT_FOUND', `单位 ${unitCode} 未配置 Webhook`, { field: 'code' });
  }

  /** The unit's most recent webhook deliveries, newest notice first. */
  async deliveries(unitCode: string, limit = 50): Promise<DeliveryView[]> {
    await this.requireUnit(unitCode);
    return this.dataSource.query(
      `SELECT d.notice_id AS "noticeId", n.title, n.kind, n.created_at AS "noticeCreatedAt", d.state, d.attempts,
              d.last_status AS "lastStatus", d.last_error AS "lastError", d.not_before AS "notBefore", d.delivered_at AS "deliveredAt"
       FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id
       WHERE n.unit_code = $1 AND d.channel = 'webhook' ORDER BY n.created_at DESC, d.notice_id LIMIT $2`,
      [unitCode, limit],
    );
  }

  private async requireUnit(unitCode: string): Promise<void> {
    const [unit]: unknown[] = await this.dataSource.query('SELECT 1 FROM units WHERE code = $1', [unitCode]);
    if (!unit) throw new DomainError('not_found', 'UNIT_NOT_FOUND', `单位 ${unitCode} 不存在`, { field: 'code' });
  }
}
