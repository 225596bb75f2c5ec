import { Injectable } from '@nestjs/common';
import type { Work } from '@app/queues';
import { insertNotices, type NewNotice, type NoticeKind } from '../../notice-writer';
import { NoticeChannel } from '../notice-channel';

/** The in-app inbox: the notice is stored once per key, and the unit reads it at `GET /notices`. */
@Injectable()
export class InboxChannel extends NoticeChannel {
  readonly name = 'inbox';

  accept(work: Work, notices: readonly NewNotice[], now: Date): Promise<NoticeKind[]> {
    return insertNotices(work.manager, notices, now);
  }
}
