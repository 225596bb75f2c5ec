import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { UnitNoticeChannelsEntity, UserChannelAddressEntity } from './addresses.entities';
import { MobileCipher } from './mobile-cipher';
import { PersonAddressService } from './person-addresses.service';
import { UnitNoticeChannelsService } from './unit-notice-channels.service';

/** People's addresses on the external channels and units' choice of channels. */
@Module({
  imports: [TypeOrmModule.forFeature([UserChannelAddressEntity, UnitNoticeChannelsEntity])],
  providers: [
    {
      provide: MobileCipher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new MobileCipher(config.CHANNEL_DATA_KEY),
    },
    PersonAddressService,
    UnitNoticeChannelsService,
  ],
  exports: [MobileCipher, PersonAddressService, UnitNoticeChannelsService],
})
export class ChannelAddressesModule {}
