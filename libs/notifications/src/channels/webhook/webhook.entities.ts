import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryChannel = 'webhook';
export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** A unit's webhook. The secret signs requests; it is never returned, logged or echoed. */
@Entity('unit_webhooks')
export class UnitWebhookEntity {
  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text')
  url: string;

  @Column('text')
  secret: string;

  @Column('boolean')
  enabled: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

/** One notice on one external channel: pending until it went out (delivered) or gave up (failed). */
@Entity('notice_deliveries')
export class NoticeDeliveryEntity {
  @PrimaryColumn('uuid', { name: 'notice_id' })
  noticeId: string;

  @PrimaryColumn('text')
  channel: DeliveryChannel;

  @Column('text')
  state: DeliveryState;

  @Column('int')
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('int', { name: 'last_status', nullable: true })
  lastStatus: number | null;

  @Column('timestamptz', { name: 'not_before' })
  notBefore: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
