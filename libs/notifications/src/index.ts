export * from './notice-writer';
export * from './notice.entity';
