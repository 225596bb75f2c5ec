import type { DefaultJobOptions } from 'bullmq';

/** Every queue, every job and its payload, in one place: enqueuing the wrong payload does not compile. */
export const QUEUES = { steps: 'steps', webhooks: 'webhooks', reports: 'reports' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Wake one ladder step: deliver it if it is still due and still called for. */
  'step.deliver': { stepId: string };
  /** Repair lost wake-ups and deliver steps that came due without one. */
  'steps.reconcile': Record<string, never>;
  /** Send one notice to its unit's webhook, if its delivery is still pending and due. */
  'notice.webhook': { noticeId: string };
  /** Hand pending webhook deliveries that lost their job to the queue again. */
  'webhooks.reconcile': Record<string, never>;
  /** Make one requested quarterly report, unless it is already made. */
  'report.generate': { reportId: string };
  /** Request the bulletins of the quarter just ended, from its first working day on. */
  'reports.schedule': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const QUEUE_OF: Record<JobName, QueueName> = {
  'step.deliver': QUEUES.steps,
  'steps.reconcile': QUEUES.steps,
  'notice.webhook': QUEUES.webhooks,
  'webhooks.reconcile': QUEUES.webhooks,
  'report.generate': QUEUES.reports,
  'reports.schedule': QUEUES.reports,
};

/** Retry, backoff and retention per queue. Failed jobs are kept, so they stay visible. */
export const QUEUE_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  steps: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: false,
  },
  // About an hour of retries (30 s doubling, 8 attempts) before a delivery is marked failed.
  webhooks: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: false,
  },
  reports: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: false,
  },
};

/** A job a queue runs on a schedule: every few minutes, or on a cron pattern in a time zone. */
export interface RecurringJob {
  schedulerId: string;
  queue: QueueName;
  name: JobName;
  repeat: { every: number } | { pattern: string; tz: string };
}

/** How often the reconcilers run: a job lost far ahead is rebuilt when it comes within two runs. */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/** Every recurring job of every queue; each worker process declares its queues' own. */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  {
    schedulerId: 'steps-reconcile',
    queue: QUEUES.steps,
    name: 'steps.reconcile',
    repeat: { every: RECONCILE_EVERY_MS },
  },
  {
    schedulerId: 'webhooks-reconcile',
    queue: QUEUES.webhooks,
    name: 'webhooks.reconcile',
    repeat: { every: RECONCILE_EVERY_MS },
  },
  // The daily check for quarterly bulletins: 02:00 in Shanghai, as the bureaus' day starts.
  {
    schedulerId: 'reports-schedule',
    queue: QUEUES.reports,
    name: 'reports.schedule',
    repeat: { pattern: '0 2 * * *', tz: 'Asia/Shanghai' },
  },
];
