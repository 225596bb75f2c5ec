import type { Metrics } from '@app/metrics';
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
  constructor(
    private readonly channels: readonly NoticeChannel[],
    private readonly metrics: Metrics,
  ) {}

  async write(work: Work, notices: NewNotice[], now: Date): Promise<WrittenNoticeBatch> {
    if (notices.length === 0) return { count: 0 };
    const [inbox, ...others] = this.channels;
    const written = await inbox.accept(work, notices, now);
    work.afterCommit(() => this.metrics.noticesTaken(inbox.name, written));
    for (const channel of others) {
      const taken = await channel.accept(work, notices, now);
      work.afterCommit(() => this.metrics.noticesTaken(channel.name, taken));
    }
    return { count: written.length };
  }
}
