import { Module } from '@nestjs/common';
import { WebhookAdminService } from './webhook-admin.service';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookReconciler } from './webhook-reconciler';
import { WebhookSender } from './webhook-sender';
import { WebhookSettings } from './webhook-settings';

const PROVIDERS = [WebhookAdminService, WebhookDeliveryService, WebhookReconciler, WebhookSender];

/** The webhook channel's domain services. Needs a WebhookQueue (WebhookQueueModule). */
@Module({
  providers: [{ provide: WebhookSettings, useValue: new WebhookSettings() }, ...PROVIDERS],
  exports: [WebhookSettings, ...PROVIDERS],
})
export class WebhooksModule {}
