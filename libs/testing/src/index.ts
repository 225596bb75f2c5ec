export * from './redis-keys';
export * from './sample-files';
