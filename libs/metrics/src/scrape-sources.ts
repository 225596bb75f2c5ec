/** Figures read when Prometheus scrapes: each library that owns the thing provides its source. */
export interface StepBacklog {
  pending: number;
  due: number;
  oldestDueAgeSeconds: number;
}

export interface CalendarCoverage {
  officialYears: readonly number[];
  fallbackYears: readonly number[];
}

export interface QueueDepth {
  queue: string;
  counts: Readonly<Record<string, number>>;
}

export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

export interface ScrapeSources {
  steps: () => Promise<StepBacklog>;
  calendar: () => Promise<CalendarCoverage>;
  queues: () => Promise<QueueDepth[]>;
  redisRoundTripSeconds: () => Promise<number>;
  pool: () => Promise<PoolState>;
}

export type ScrapeSourceName = keyof ScrapeSources;
