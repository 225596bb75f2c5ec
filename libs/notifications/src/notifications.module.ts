import { Global, Module } from '@nestjs/common';
import { NoticeOutbox } from './notice-outbox.service';
import { NoticeQueries } from './notice-queries.service';

/** Needs a WebhookQueue (WebhookQueueModule) and the WorkingCalendar (SchedulingModule). */
@Global()
@Module({ providers: [NoticeQueries, NoticeOutbox], exports: [NoticeQueries, NoticeOutbox] })
export class NotificationsModule {}
