import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RECURRING_JOBS } from './queue-registry';

/** Often enough that a lost schedule is back long before its next run would have been due. */
const REDECLARE_EVERY_MS = 60_000;

/**
 * Declares a queue's recurring jobs at start and again every minute. Their schedules live in Redis:
 * an emptied or replaced Redis loses them, and the reconcilers they run are what repairs such a
 * loss, so they must come back by themselves. Declaring is idempotent.
 */
@Injectable()
export class RecurringJobKeeper implements OnApplicationShutdown {
  private readonly logger = new Logger(RecurringJobKeeper.name);
  private readonly timers: NodeJS.Timeout[] = [];

  async keep(queue: Queue): Promise<void> {
    await this.declare(queue);
    const timer = setInterval(
      () =>
        this.declare(queue).catch((error: Error) =>
          this.logger.warn(`could not declare the recurring jobs of ${queue.name}: ${error.message}`),
        ),
      REDECLARE_EVERY_MS,
    );
    timer.unref();
    this.timers.push(timer);
  }

  async declare(queue: Queue): Promise<void> {
    for (const job of RECURRING_JOBS.filter((candidate) => candidate.queue === queue.name)) {
      await queue.upsertJobScheduler(job.schedulerId, job.repeat, { name: job.name, data: {} });
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
