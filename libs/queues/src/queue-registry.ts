import type { BackoffOptions, DefaultJobOptions } from 'bullmq';

/** Every queue, every job with its queue and payload, in one place: enqueuing the wrong payload does not compile. */
export const QUEUES = { steps: 'steps', webhooks: 'webhooks', reports: 'reports' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

type Nothing = Record<string, never>;

interface JobDefinitions {
  /** A job of the one-job-per-step design (before wake-ups): treated as a wake-up, so an upgrade loses nothing. */
  'step.deliver': { queue: 'steps'; data: { stepId: string } };
  /** One due moment (ISO time): when it comes, the steps due by then are fanned out as delivery batches. */
  'steps.wake': { queue: 'steps'; data: { at: string } };
  /** One share of a moment's burst: claims due tasks in batches and delivers their due steps until none is left. */
  'steps.deliver': { queue: 'steps'; data: { at: string; part: number } };
  /** Repair lost wake-ups and deliver steps that came due without one. */
  'steps.reconcile': { queue: 'steps'; data: Nothing };
  /** Send one notice to its unit's webhook, if its delivery is still pending and due. */
  'notice.webhook': { queue: 'webhooks'; data: { noticeId: string } };
  /** Hand pending webhook deliveries that lost their job to the queue again. */
  'webhooks.reconcile': { queue: 'webhooks'; data: Nothing };
  /** Make one requested quarterly report, unless it is already made. */
  'report.generate': { queue: 'reports'; data: { reportId: string } };
  /** Request the bulletins of the quarter just ended, from its first working day on. */
  'reports.schedule': { queue: 'reports'; data: Nothing };
}
export type JobName = keyof JobDefinitions;
export type JobData<N extends JobName> = JobDefinitions[N]['data'];
export type JobPayloads = { [N in JobName]: JobData<N> };
/** A job as it is enqueued: its name and its payload, paired. */
export type JobItem = { [N in JobName]: { name: N; data: JobData<N> } }[JobName];
/** The jobs one queue runs. */
export type JobNameOf<Q extends QueueName> = {
  [N in JobName]: JobDefinitions[N]['queue'] extends Q ? N : never;
}[JobName];

export const JOB_QUEUE: { readonly [N in JobName]: JobDefinitions[N]['queue'] } = {
  'step.deliver': QUEUES.steps,
  'steps.wake': QUEUES.steps,
  'steps.deliver': QUEUES.steps,
  'steps.reconcile': QUEUES.steps,
  'notice.webhook': QUEUES.webhooks,
  'webhooks.reconcile': QUEUES.webhooks,
  'report.generate': QUEUES.reports,
  'reports.schedule': QUEUES.reports,
};

/** Every job name of a queue, for the start-up check that each has exactly one handler. */
export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}

/** Retry, backoff and retention per queue. Failed jobs are kept, so they stay visible. */
export const QUEUE_JOB_OPTIONS: Record<QueueName, DefaultJobOptions & { attempts: number; backoff: BackoffOptions }> = {
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

/** What a job's id is built from: the identity that makes adding it twice add it once. */
export interface JobIdentities {
  /** A ladder step: its task, its key and the deadline version it was planned for. */
  'step.deliver': { taskId: string; key: string; deadlineVersion: number };
  /** A due moment: every step due then shares one wake-up. */
  'steps.wake': { at: Date };
  /** A share of the burst a moment's wake-up fanned out. */
  'steps.deliver': { at: Date; part: number };
  /** A webhook delivery: its notice. */
  'notice.webhook': { noticeId: string };
  /** A report: a report asked for again after failing gets a new job, so its attempts so far count. */
  'report.generate': { reportId: string; attempts: number };
}

/**
 * The one place job ids are built. BullMQ 6 refuses ':' in a custom id unless it splits into
 * exactly three parts, hence the dash of the webhook id and the check on the step's parts.
 */
export function jobId<N extends keyof JobIdentities>(name: N, identity: JobIdentities[N]): string {
  const ids: { [K in keyof JobIdentities]: (identity: JobIdentities[K]) => string } = {
    'step.deliver': ({ taskId, key, deadlineVersion }) => {
      if (taskId.includes(':') || key.includes(':'))
        throw new Error(`a step job id cannot contain ':' (task ${taskId}, step ${key})`);
      return `${taskId}:${key}:v${deadlineVersion}`;
    },
    'steps.wake': ({ at }) => `steps-wake-${at.getTime()}`,
    'steps.deliver': ({ at, part }) => `steps-deliver-${at.getTime()}-p${part}`,
    'notice.webhook': ({ noticeId }) => `webhook-${noticeId}`,
    'report.generate': ({ reportId, attempts }) => `report:${reportId}:a${attempts}`,
  };
  return ids[name](identity);
}

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
