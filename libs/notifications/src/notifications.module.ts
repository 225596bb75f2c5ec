import { Module } from '@nestjs/common';
import { NoticeQueries } from './notice-queries.service';

@Module({ providers: [NoticeQueries], exports: [NoticeQueries] })
export class NotificationsModule {}
