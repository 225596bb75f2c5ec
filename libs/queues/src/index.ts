export * from './job-processor';
export * from './job-queue';
export * from './job-retry';
export * from './queue-registry';
export * from './queue-tools';
export * from './queues.module';
export * from './recurring-job-keeper';
export * from './unit-of-work';
