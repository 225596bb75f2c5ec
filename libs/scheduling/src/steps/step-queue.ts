import { Logger } from '@nestjs/common';

/** What the queue needs to wake a step up at the right moment. */
export interface StepWakeUp {
  stepId: string;
  jobId: string;
  dueAt: Date;
  /** The step's time moved (a calendar change): an existing job must be replaced, not kept. */
  retimed?: boolean;
}

/**
 * The port through which domain code asks for steps to be woken up after its transaction commits.
 * The BullMQ adapter implements it; if a wake-up is lost (crash, Redis away or emptied), the
 * reconciler finds the pending row and repairs it.
 */
export abstract class StepQueue {
  private readonly logger = new Logger('StepQueue');

  abstract wake(steps: StepWakeUp[]): Promise<void>;

  /** Wakes only the steps whose job the queue has lost; the reconciler's way, cheap when nothing is lost. */
  async wakeMissing(steps: StepWakeUp[]): Promise<number> {
    await this.wake(steps);
    return steps.length;
  }

  /** For callers whose change is already committed: a queue that is away must not undo or fail it. */
  async wakeAfterCommit(steps: StepWakeUp[]): Promise<void> {
    if (steps.length === 0) return;
    try {
      await this.wake(steps);
    } catch (error) {
      this.logger.warn(
        `queue unavailable (${error instanceof Error ? error.message : String(error)}): the reconciler will wake ${steps.length} step(s)`,
      );
    }
  }
}
