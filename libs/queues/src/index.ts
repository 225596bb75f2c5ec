export * from './queue-registry';
export * from './recurring-job-keeper';
