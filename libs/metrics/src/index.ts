export * from './metric-definitions';
export * from './metrics';
export * from './metrics.module';
export * from './metrics-token';
export * from './scrape-sources';
