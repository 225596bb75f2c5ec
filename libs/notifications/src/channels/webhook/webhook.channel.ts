import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@app/calendar';
import type { Work } from '@app/queues';
import type { NewNotice, NoticeKind } from '../../notice-writer';
import { NoticeChannel } from '../notice-channel';
import { recordWebhookDeliveries } from './record-deliveries';

/** A unit's own system, by a signed POST within working hours (see record-deliveries). */
@Injectable()
export class WebhookChannel extends NoticeChannel {
  readonly name = 'webhook';

  constructor(private readonly calendar: WorkingCalendar) {
    super();
  }

  async accept(work: Work, notices: readonly NewNotice[], now: Date): Promise<NoticeKind[]> {
    const dedupeKeys = notices.map((notice) => notice.dedupeKey);
    const { wakeUps, kinds } = await recordWebhookDeliveries(work.manager, { dedupeKeys }, now, this.calendar);
    work.wakeAfterCommit(wakeUps);
    return kinds;
  }
}
