import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { Metrics } from '@app/metrics';
import type { JobData, JobName, JobNameOf, QueueName } from './queue-registry';

/** One handler per job of the queue: a handler missing or one too many does not compile. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobNameOf<Q>]: (job: Job<JobData<N>, unknown, N>, token?: string) => Promise<unknown>;
};

type AnyHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * A domain's processor of one queue (decorate the subclass with `@Processor(queue)`): thin, each job
 * calls one service method through `handlers`. A job whose name has no handler fails instead of
 * being taken for another. At worker start (JobsBootstrap) its queue's recurring jobs are declared,
 * then `onWorkerStart` runs.
 */
export abstract class JobProcessor<Q extends QueueName> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  abstract readonly queueName: Q;
  abstract readonly handlers: JobHandlers<Q>;
  /** Injected into every processor (a property, so subclasses keep their own constructors). */
  @Inject(Metrics) protected readonly metrics: Metrics;

  /** Repairs at worker start what was lost while no worker ran. */
  async onWorkerStart(): Promise<void> {}

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = (this.handlers as unknown as Record<string, AnyHandler | undefined>)[job.name];
    if (!handler) throw new Error(`queue ${this.queueName} has no handler for job ${job.name}`);
    const started = performance.now();
    const ran = (outcome: 'completed' | 'delayed' | 'failed') =>
      this.metrics.jobRan(this.queueName, job.name, (performance.now() - started) / 1000, outcome);
    try {
      const result = await handler(job, token);
      ran('completed');
      return result;
    } catch (error) {
      ran(error instanceof DelayedError ? 'delayed' : 'failed');
      throw error;
    }
  }

  /** A lost connection or an emptied Redis: say so and carry on; the reconcilers repair what it lost. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker error: ${error.message}`);
  }

  /** Puts a job woken early back to sleep until `at` (at least a second), by the injected clock's `now`. */
  protected async sleepUntil(job: Job, token: string | undefined, at: Date, now: Date): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(1000, at.getTime() - now.getTime()), token);
    throw new DelayedError();
  }
}

/** Which jobs each processor of a process handles: every job of its queue exactly once, nothing else. */
export function checkJobHandlers(
  processors: readonly { queue: QueueName; handled: readonly string[] }[],
  namesOf: (queue: QueueName) => readonly JobName[],
): void {
  const problems: string[] = [];
  const queues = [...new Set(processors.map((processor) => processor.queue))];
  for (const queue of queues) {
    const handled = processors.filter((processor) => processor.queue === queue).flatMap((p) => p.handled);
    for (const name of namesOf(queue)) {
      const count = handled.filter((candidate) => candidate === name).length;
      if (count !== 1) problems.push(`job ${name} of queue ${queue} has ${count} handlers`);
    }
    for (const name of new Set(handled)) {
      if (!namesOf(queue).includes(name as JobName)) problems.push(`queue ${queue} handles ${name}, not a job of it`);
    }
  }
  if (problems.length > 0) throw new Error(`job handlers do not match the registry: ${problems.join('; ')}`);
}
