import type { Type } from '@nestjs/common';
import { InboxChannel } from './inbox/inbox.channel';
import type { NoticeChannel } from './notice-channel';
import { WebhookChannel } from './webhook/webhook.channel';
import { WebhooksModule } from './webhook/webhooks.module';

/**
 * Every channel, in the order the outbox hands them notices (the inbox first), with the module that
 * provides it. A new channel is its folder beside these and one line here.
 */
export const NOTICE_CHANNELS: readonly { channel: Type<NoticeChannel>; module?: Type<unknown> }[] = [
  { channel: InboxChannel },
  { channel: WebhookChannel, module: WebhooksModule },
];
