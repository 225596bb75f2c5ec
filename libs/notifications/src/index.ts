export * from './notice-queries.service';
export * from './notice-writer';
export * from './notice.entity';
export * from './notifications.module';
