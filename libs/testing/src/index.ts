export * from './redis-keys';
export * from './sample-files';
export * from './step-facts';
export * from './prometheus-text';
