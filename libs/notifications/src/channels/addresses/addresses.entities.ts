import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a person is reached outside the engine. The mobile is kept sealed (AES-256-GCM) and masked, never plain. */
@Entity('user_channel_addresses')
export class UserChannelAddressEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'dingtalk_user_id', nullable: true })
  dingtalkUserId: string | null;

  @Column('text', { name: 'wecom_user_id', nullable: true })
  wecomUserId: string | null;

  @Column('text', { name: 'mobile_sealed', nullable: true })
  mobileSealed: string | null;

  @Column('text', { name: 'mobile_masked', nullable: true })
  mobileMasked: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** The external channels a unit's notices of one kind use; the inbox is always on and not stored. */
@Entity('unit_notice_channels')
export class UnitNoticeChannelsEntity {
  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode: string;

  @PrimaryColumn('text')
  kind: string;

  @Column('text', { array: true })
  channels: string[];
}
