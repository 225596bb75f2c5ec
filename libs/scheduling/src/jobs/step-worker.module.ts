import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { StepReconciler } from '../steps/step-reconciler.service';
import { QUEUES, RecurringJobKeeper } from '@app/queues';
import { StepProcessor } from './step.processor';

/** The processors of the worker process. At start it reconciles once and declares the recurring jobs. */
@Module({ providers: [StepProcessor, RecurringJobKeeper] })
export class StepWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('StepWorker');

  constructor(
    private readonly reconciler: StepReconciler,
    private readonly recurring: RecurringJobKeeper,
    @InjectQueue(QUEUES.steps) private readonly steps: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recurring.keep(this.steps);
    const report = await this.reconciler.reconcile();
    this.logger.log(
      `reconciled at start: ${report.deliveredLate} late step(s) delivered, ${report.rewoken} future step(s) re-queued`,
    );
  }
}
