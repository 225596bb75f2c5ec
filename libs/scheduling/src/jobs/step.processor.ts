import { Processor } from '@nestjs/bullmq';
import { Clock } from '@app/common';
import { JobProcessor, QUEUES, RECONCILE_EVERY_MS, type JobHandlers } from '@app/queues';
import { StepDeliveryService } from '../steps/step-delivery.service';
import { type ReconcileReport, StepReconciler } from '../steps/step-reconciler.service';

/** The periodic reconcile re-queues what comes due before the run after next; the start-up run re-queues all. */
const RECONCILE_HORIZON_MS = 2 * RECONCILE_EVERY_MS;

/** Thin: each job calls one service method. A step woken early goes back to sleep until it is due. */
@Processor(QUEUES.steps, { concurrency: 8 })
export class StepProcessor extends JobProcessor<typeof QUEUES.steps> {
  readonly queueName = QUEUES.steps;
  readonly handlers: JobHandlers<typeof QUEUES.steps> = {
    'step.deliver': async (job, token) => {
      const outcome = await this.delivery.deliver(job.data.stepId);
      if (outcome.outcome === 'not_due') return this.sleepUntil(job, token, outcome.dueAt, this.clock.now());
      if (outcome.outcome === 'skipped') this.logger.debug(`step ${job.id} skipped: ${outcome.reason}`);
      return outcome;
    },
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
      `reconciled at start: ${report.deliveredLate} late step(s) delivered, ${report.rewoken} future step(s) re-queued`,
    );
  }
}
