import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every name starts with this, and ends with its unit (`_seconds`, `_bytes`, `_total`). */
export const METRIC_PREFIX = 'supervision_';

/** Lateness of a ladder step (notice committed − step due): a tenth of a second to a day, fine where jobs usually land. */
const LATENESS_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];
const REPORT_SECONDS_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300];
const REPORT_BYTES_BUCKETS = [32e3, 64e3, 128e3, 256e3, 512e3, 1e6, 2e6, 5e6, 10e6];

/**
 * The engine's metrics on one registry. Labels are few and bounded: kinds, channels, outcomes,
 * queues, job names, route templates and statuses — never a document, unit, task or user id.
 */
export function defineMetrics(registry: Registry) {
  const registers = [registry];
  const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;
  return {
    stepsPending: new Gauge({ name: name('steps_pending'), help: 'Ladder steps waiting to be delivered', registers }),
    stepsDue: new Gauge({
      name: name('steps_due_undelivered'),
      help: 'Pending ladder steps whose due time has passed',
      registers,
    }),
    oldestDueAge: new Gauge({
      name: name('steps_oldest_due_undelivered_age_seconds'),
      help: 'How long the oldest due and undelivered step has been due (0 when none)',
      registers,
    }),
    stepsDelivered: new Counter({
      name: name('steps_delivered_total'),
      help: 'Ladder steps delivered, by step kind',
      labelNames: ['kind'],
      registers,
    }),
    stepsDeliveredLate: new Counter({
      name: name('steps_delivered_late_total'),
      help: 'Ladder steps delivered more than 5 minutes after they were due (no job woke them in time)',
      labelNames: ['kind'],
      registers,
    }),
    stepLateness: new Histogram({
      name: name('step_lateness_seconds'),
      help: 'Notice committed minus step due, per delivered step',
      buckets: LATENESS_BUCKETS,
      registers,
    }),
    notices: new Counter({
      name: name('notices_total'),
      help: 'Notices taken by a channel, by notice kind and channel',
      labelNames: ['kind', 'channel'],
      registers,
    }),
    channelDeliveries: new Counter({
      name: name('channel_deliveries_total'),
      help: 'Channel delivery outcomes: sent, failed, throttled (held until working hours), read',
      labelNames: ['channel', 'outcome'],
      registers,
    }),
    queueJobs: new Gauge({
      name: name('queue_jobs'),
      help: 'Jobs in a queue by state',
      labelNames: ['queue', 'state'],
      registers,
    }),
    jobDuration: new Histogram({
      name: name('job_duration_seconds'),
      help: 'Time a job handler ran, by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    }),
    jobsFailed: new Counter({
      name: name('jobs_failed_total'),
      help: 'Job attempts that threw (BullMQ retries them with backoff), by queue and job name',
      labelNames: ['queue', 'job'],
      registers,
    }),
    reconcilerLastRun: new Gauge({
      name: name('reconciler_last_run_timestamp_seconds'),
      help: 'When a reconciler last finished in this process (Unix time)',
      labelNames: ['queue'],
      registers,
    }),
    reconcilerRequeued: new Counter({
      name: name('reconciler_requeued_total'),
      help: 'Jobs a reconciler handed to the queue again',
      labelNames: ['queue'],
      registers,
    }),
    reconcilerDeliveredLate: new Counter({
      name: name('reconciler_delivered_late_total'),
      help: 'Steps the reconciler delivered because no job woke them',
      labelNames: ['queue'],
      registers,
    }),
    reconcilerDuration: new Histogram({
      name: name('reconciler_duration_seconds'),
      help: 'How long a reconciler run took',
      labelNames: ['queue'],
      buckets: JOB_BUCKETS,
      registers,
    }),
    reportDuration: new Histogram({
      name: name('report_generation_duration_seconds'),
      help: 'Time to compute and render one quarterly report',
      buckets: REPORT_SECONDS_BUCKETS,
      registers,
    }),
    reportSize: new Histogram({
      name: name('report_size_bytes'),
      help: 'Size of a generated report (Word and Excel files together)',
      buckets: REPORT_BYTES_BUCKETS,
      registers,
    }),
    reportsRefused: new Counter({
      name: name('report_requests_refused_total'),
      help: 'Report requests refused, by error code',
      labelNames: ['code'],
      registers,
    }),
    httpRequests: new Counter({
      name: name('http_requests_total'),
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: name('http_request_duration_seconds'),
      help: 'HTTP request latency by method and route template',
      labelNames: ['method', 'route'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    loginFailures: new Counter({ name: name('login_failures_total'), help: 'Refused logins', registers }),
    loginThrottled: new Counter({
      name: name('login_throttled_total'),
      help: 'Logins refused by the rate limit (429)',
      registers,
    }),
    dbPool: new Gauge({
      name: name('db_pool_connections'),
      help: 'PostgreSQL pool connections: total, idle, in use; and clients waiting for one',
      labelNames: ['state'],
      registers,
    }),
    redisRoundTrip: new Gauge({
      name: name('redis_round_trip_seconds'),
      help: 'Time of a PING to Redis, measured at scrape',
      registers,
    }),
    calendarYears: new Gauge({
      name: name('calendar_years'),
      help: 'Calendar years with official holiday data, and years used on the Monday–Friday fallback',
      labelNames: ['source'],
      registers,
    }),
    calendarLastOfficialYear: new Gauge({
      name: name('calendar_last_official_year'),
      help: 'The last year with official holiday data',
      registers,
    }),
    scrapeSourceUp: new Gauge({
      name: name('scrape_source_up'),
      help: 'Whether a source read at scrape answered in time (1) or not (0)',
      labelNames: ['source'],
      registers,
    }),
  };
}

export type MetricDefinitions = ReturnType<typeof defineMetrics>;
