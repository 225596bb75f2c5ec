import type { BackoffOptions, Job } from 'bullmq';
import { QUEUE_JOB_OPTIONS, type QueueName } from './queue-registry';

/** How often one queue's jobs are tried, and how long between tries. */
export interface RetryOptions {
  attempts: number;
  backoff: BackoffOptions;
}

function retryOf(queue: QueueName) {
  return class implements RetryOptions {
    attempts = QUEUE_JOB_OPTIONS[queue].attempts;
    backoff = QUEUE_JOB_OPTIONS[queue].backoff;
  };
}

/** Each queue's retries as a provider: the values are QUEUE_JOB_OPTIONS', a test or deployment may provide others. */
export class StepJobOptions extends retryOf('steps') {}
export class WebhookJobOptions extends retryOf('webhooks') {}
export class ReportJobOptions extends retryOf('reports') {}

export const RETRY_OPTIONS = { steps: StepJobOptions, webhooks: WebhookJobOptions, reports: ReportJobOptions } as const;

/** The attempt that failed and will not be retried: BullMQ counts failed attempts in `attemptsMade`. */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
