import { Logger } from '@nestjs/common';
import type { JobData, JobName } from './queue-registry';

/** A job to add once its change has committed: the registry's name and payload, its id, and when it should run. */
export type WakeUp = {
  [N in JobName]: {
    name: N;
    data: JobData<N>;
    /** Built by `jobId`, so adding the same job twice adds it once. */
    jobId: string;
    /** Not before this moment; absent: at once. */
    at?: Date;
    /** Its time moved (a calendar change): a job already there is replaced, not kept. */
    retimed?: boolean;
  };
}[JobName];

/**
 * The port through which domain code hands jobs to the queues. The BullMQ adapter implements it; a
 * wake-up that is lost (a crash, Redis away or emptied) is repaired by its domain's reconciler from
 * the rows PostgreSQL holds.
 */
export abstract class JobQueue {
  private readonly logger = new Logger('JobQueue');

  abstract wake(wakeUps: readonly WakeUp[]): Promise<void>;

  /** Wakes only the jobs the queue has lost; the reconcilers' way, cheap when nothing is lost. */
  async wakeMissing(wakeUps: readonly WakeUp[]): Promise<number> {
    await this.wake(wakeUps);
    return wakeUps.length;
  }

  /** For callers whose change is already committed: a queue that is away must not undo or fail it. */
  async wakeAfterCommit(wakeUps: readonly WakeUp[]): Promise<void> {
    if (wakeUps.length === 0) return;
    try {
      await this.wake(wakeUps);
    } catch (error) {
      this.logger.warn(
        `queue unavailable (${error instanceof Error ? error.message : String(error)}): the reconcilers will add ${wakeUps.length} job(s)`,
      );
    }
  }
}
