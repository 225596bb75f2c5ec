export * from './channels/addresses';
export * from './channels/webhook';
export * from './notice-outbox.service';
export * from './notice-queries.service';
export * from './notice-writer';
export * from './notice.entity';
export * from './notifications.module';
