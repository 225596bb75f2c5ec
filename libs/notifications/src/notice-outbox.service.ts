import type { Work } from '@app/queues';
import { NoticeChannel } from './channels/notice-channel';
import type { NewNotice } from './notice-writer';

export interface WrittenNoticeBatch {
  /** How many notices were new (a repeated key writes nothing). */
  count: number;
}

/**
 * The one way domain code sends notices: every channel takes them inside the caller's transaction
 * (the unit's inbox at once; a unit's own system within working hours), and the jobs that send them
 * are added once the transaction has committed. Built by NotificationsModule with the channels
 * of NOTICE_CHANNELS, in their order.
 */
export class NoticeOutbox {
  constructor(private readonly channels: readonly NoticeChannel[]) {}

  async write(work: Work, notices: NewNotice[], now: Date): Promise<WrittenNoticeBatch> {
    if (notices.length === 0) return { count: 0 };
    const [inbox, ...others] = this.channels;
    const count = await inbox.accept(work, notices, now);
    for (const channel of others) await channel.accept(work, notices, now);
    return { count };
  }
}
