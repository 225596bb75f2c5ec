import { Processor } from '@nestjs/bullmq';
import { Clock } from '@app/common';
import { JobProcessor, QUEUES, RECONCILE_EVERY_MS, type JobHandlers } from '@app/queues';
import { StepDeliveryService } from '../steps/step-delivery.service';
import { type ReconcileReport, StepReconciler } from '../steps/step-reconciler.service';

/** The periodic reconcile re-queues what comes due before the run after next; the start-up run re-queues all. */
const RECONCILE_HORIZON_MS = 2 * RECONCILE_EVERY_MS;

/**
 * Thin: each job calls one service method. A moment's wake-up fired early goes back to sleep until
 * it is due; once due, it fans the steps due by then out as delivery batches every worker shares.
 */
@Processor(QUEUES.steps, { concurrency: 8 })
export class StepProcessor extends JobProcessor<typeof QUEUES.steps> {
  readonly queueName = QUEUES.steps;
  readonly handlers: JobHandlers<typeof QUEUES.steps> = {
    'steps.wake': async (job, token) => {
      const at = new Date(job.data.at);
      const now = this.clock.now();
      if (at > now) return this.sleepUntil(job, token, at, now);
      return { batches: await this.delivery.fanOut(at) };
    },
    'steps.deliver': () => this.delivery.deliverDue(),
    // A job left from the one-job-per-step design: it wakes what is due, like a moment's wake-up.
    'step.deliver': () => this.delivery.deliverDue(),
    'steps.reconcile': () => this.reconcile(RECONCILE_HORIZON_MS),
  };

  constructor(
    private readonly delivery: StepDeliveryService,
    private readonly reconciler: StepReconciler,
    private readonly clock: Clock,
  ) {
    super();
  }

  private async reconcile(horizonMs?: number): Promise<ReconcileReport> {
    const started = performance.now();
    const report = await this.reconciler.reconcile(horizonMs);
    this.metrics.reconcilerRan(QUEUES.steps, {
      at: this.clock.now(),
      seconds: (performance.now() - started) / 1000,
      requeued: report.rewoken,
      deliveredLate: report.deliveredLate,
    });
    return report;
  }

  async onWorkerStart(): Promise<void> {
    const report = await this.reconcile();
    this.logger.log(
      `reconciled at start: ${report.deliveredLate} late step(s) delivered, ${report.rewoken} future moment(s) re-queued`,
    );
  }
}
