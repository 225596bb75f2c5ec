import type { Work } from '@app/queues';
import type { NewNotice, NoticeKind } from '../notice-writer';

/**
 * One way a notice reaches its unit. The outbox hands every channel the notices a writer sends,
 * inside the writer's transaction, in the order of NOTICE_CHANNELS (the inbox first: it stores the
 * notices the others read). A channel records what it will send and puts the jobs that send it on
 * `work`, to be added once the transaction has committed. Returns the kind of each notice it took.
 */
export abstract class NoticeChannel {
  abstract readonly name: string;
  abstract accept(work: Work, notices: readonly NewNotice[], now: Date): Promise<NoticeKind[]>;
}
