export * from './notice-outbox.service';
export * from './notice-queries.service';
export * from './notice-writer';
export * from './notice.entity';
export * from './notifications.module';
export * from './webhooks';
export * from './webhooks/webhooks.module';
