import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { NOTICE_KINDS, type NoticeKind } from '../../notice-writer';

export const EXTERNAL_CHANNELS = ['dingtalk', 'wecom', 'sms'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];
/** Every notice reaches the inbox; the external channels are chosen per kind. */
export type NoticeChannelName = 'inbox' | ExternalChannel;
export type UnitNoticeChannels = Record<NoticeKind, NoticeChannelName[]>;

/** SMS costs money and interrupts leaders: only escalations (督办, 挂牌督办) may use it. */
const SMS_KINDS: readonly NoticeKind[] = ['escalation'];

/** Checks a unit's choice: known kinds, known channels, SMS only for escalations, no repeats. */
export function checkChannelChoice(
  choice: Partial<Record<string, readonly string[]>>,
): Partial<Record<NoticeKind, ExternalChannel[]>> {
  const checked: Partial<Record<NoticeKind, ExternalChannel[]>> = {};
  for (const [kind, channels] of Object.entries(choice)) {
    if (!Array.isArray(channels) || channels.some((channel) => typeof channel !== 'string'))
      throw new DomainError('invalid', 'VALIDATION_FAILED', '每类通知的渠道须为字符串数组', { field: kind });
    if (!NOTICE_KINDS.includes(kind as NoticeKind))
      throw new DomainError('invalid', 'UNKNOWN_NOTICE_KIND', `通知类型须为 ${NOTICE_KINDS.join('/')} 之一`, {
        field: kind,
      });
    const external = channels.filter((channel) => channel !== 'inbox');
    const unknown = external.find((channel) => !EXTERNAL_CHANNELS.includes(channel as ExternalChannel));
    if (unknown !== undefined)
      throw new DomainError('invalid', 'UNKNOWN_CHANNEL', `渠道须为 inbox/${EXTERNAL_CHANNELS.join('/')} 之一`, {
        field: kind,
      });
    if (external.includes('sms') && !SMS_KINDS.includes(kind as NoticeKind))
      throw new DomainError('invalid', 'SMS_ONLY_FOR_ESCALATION', '短信只用于督办升级类通知', { field: kind });
    checked[kind as NoticeKind] = [...new Set(external)] as ExternalChannel[];
  }
  return checked;
}

/** Which channels carry each kind of a unit's notices. */
@Injectable()
export class UnitNoticeChannelsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(unitCode: string): Promise<UnitNoticeChannels> {
    await this.requireUnit(unitCode);
    const rows: { kind: NoticeKind; channels: ExternalChannel[] }[] = await this.dataSource.query(
      'SELECT kind, channels FROM unit_notice_channels WHERE unit_code = $1',
      [unitCode],
    );
    const chosen = new Map(rows.map((row) => [row.kind, row.channels]));
    return Object.fromEntries(
      NOTICE_KINDS.map((kind) => [kind, ['inbox', ...(chosen.get(kind) ?? [])]]),
    ) as UnitNoticeChannels;
  }

  /** Replaces the choice for the kinds given; other kinds keep theirs. */
  async set(unitCode: string, choice: Partial<Record<string, readonly string[]>>): Promise<UnitNoticeChannels> {
    const checked = checkChannelChoice(choice);
    await this.requireUnit(unitCode);
    await this.dataSource.transaction(async (manager) => {
      for (const [kind, channels] of Object.entries(checked))
        await manager.query(
          `INSERT INTO unit_notice_channels (unit_code, kind, channels) VALUES ($1, $2, $3)
           ON CONFLICT (unit_code, kind) DO UPDATE SET channels = EXCLUDED.channels`,
          [unitCode, kind, channels],
        );
    });
    return this.get(unitCode);
  }

  private async requireUnit(unitCode: string): Promise<void> {
    const [unit]: unknown[] = await this.dataSource.query('SELECT 1 FROM units WHERE code = $1', [unitCode]);
    if (!unit) throw new DomainError('not_found', 'UNIT_NOT_FOUND', `单位 ${unitCode} 不存在`, { field: 'code' });
  }
}
