import { TypeOrmModule } from '@nestjs/typeorm';
import { NoticeDeliveryEntity, UnitWebhookEntity } from './webhook.entities';
import { Module } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { WebhookAdminService } from './webhook-admin.service';
import { WebhookChannel } from './webhook.channel';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookReconciler } from './webhook-reconciler';
import { WebhookSender } from './webhook-sender';
import { WebhookSettings } from './webhook-settings';

const PROVIDERS = [WebhookChannel, WebhookAdminService, WebhookDeliveryService, WebhookReconciler, WebhookSender];

/** The webhook channel and its services. Needs CalendarModule and QueuesModule. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitWebhookEntity, NoticeDeliveryEntity])],
  providers: [{ provide: WebhookSettings, inject: [AppConfig], useFactory: WebhookSettings.from }, ...PROVIDERS],
  exports: [WebhookSettings, ...PROVIDERS],
})
export class WebhooksModule {}
