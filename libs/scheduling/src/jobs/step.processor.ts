import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '@app/common';
import { StepDeliveryService, type DeliveryOutcome } from '../steps/step-delivery.service';
import { StepReconciler, type ReconcileReport } from '../steps/step-reconciler.service';
import { QUEUES, RECONCILE_EVERY_MS, type JobName, type JobPayloads } from '@app/queues';

/** The periodic reconcile re-queues what comes due before the run after next; the start-up run re-queues all. */
const RECONCILE_HORIZON_MS = 2 * RECONCILE_EVERY_MS;

/** Thin: each job calls one service method. A step woken early goes back to sleep until it is due. */
@Processor(QUEUES.steps, { concurrency: 8 })
export class StepProcessor extends WorkerHost {
  private readonly logger = new Logger(StepProcessor.name);

  /** A lost connection or an emptied Redis: say so and carry on; the reconciler repairs what it lost. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker error: ${error.message}`);
  }

  constructor(
    private readonly delivery: StepDeliveryService,
    private readonly reconciler: StepReconciler,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(
    job: Job<JobPayloads[JobName], unknown, JobName>,
    token?: string,
  ): Promise<DeliveryOutcome | ReconcileReport> {
    if (job.name === 'steps.reconcile') return this.reconciler.reconcile(RECONCILE_HORIZON_MS);
    const outcome = await this.delivery.deliver((job.data as JobPayloads['step.deliver']).stepId);
    if (outcome.outcome === 'not_due') {
      await job.moveToDelayed(Date.now() + Math.max(1000, outcome.dueAt.getTime() - this.clock.now().getTime()), token);
      throw new DelayedError();
    }
    if (outcome.outcome === 'skipped') this.logger.debug(`step ${job.id} skipped: ${outcome.reason}`);
    return outcome;
  }
}
