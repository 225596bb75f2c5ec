import { TypeOrmModule } from '@nestjs/typeorm';
import { NoticeEntity } from './notice.entity';
import { Global, Module } from '@nestjs/common';
import { ChannelAddressesModule } from './channels/addresses/addresses.module';
import { NOTICE_CHANNELS } from './channels/channels';
import type { NoticeChannel } from './channels/notice-channel';
import { NoticeOutbox } from './notice-outbox.service';
import { NoticeQueries } from './notice-queries.service';
import { Metrics, MetricsModule } from '@app/metrics';

const CHANNEL_CLASSES = NOTICE_CHANNELS.map((entry) => entry.channel);
const CHANNEL_MODULES = NOTICE_CHANNELS.flatMap((entry) => (entry.module ? [entry.module] : []));

/** Notices and every channel that carries them. Needs CalendarModule and QueuesModule. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NoticeEntity]), MetricsModule, ChannelAddressesModule, ...CHANNEL_MODULES],
  providers: [
    NoticeQueries,
    ...NOTICE_CHANNELS.filter((entry) => !entry.module).map((entry) => entry.channel),
    {
      provide: NoticeOutbox,
      inject: [Metrics, ...CHANNEL_CLASSES],
      useFactory: (metrics: Metrics, ...channels: NoticeChannel[]) => new NoticeOutbox(channels, metrics),
    },
  ],
  exports: [NoticeQueries, NoticeOutbox, ChannelAddressesModule, ...CHANNEL_MODULES],
})
export class NotificationsModule {}
