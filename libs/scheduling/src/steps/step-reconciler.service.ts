import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { JobQueue } from '@app/queues';
import { StepDeliveryService } from './step-delivery.service';
import { toWakeUp } from './step-planner.service';

const BATCH = 500;

export interface ReconcileReport {
  /** Steps that came due while no job woke them, delivered now (marked late). */
  deliveredLate: number;
  /** Future steps whose job was missing, handed to the queue again. */
  rewoken: number;
}

/**
 * Repairs what the queue lost: PostgreSQL says which steps are pending; any that came due are
 * delivered now, once, marked late; every future one whose job is missing is handed to the queue
 * again. Safe to run any number of times, in any number of workers.
 */
@Injectable()
export class StepReconciler {
  private readonly logger = new Logger(StepReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly delivery: StepDeliveryService,
    private readonly queue: JobQueue,
  ) {}

  /**
   * `horizonMs`: re-queue only future steps due within this time (the periodic run: a job lost far
   * ahead is rebuilt when it comes near); without it, every future step (at worker start).
   */
  async reconcile(horizonMs?: number): Promise<ReconcileReport> {
    const report: ReconcileReport = { deliveredLate: 0, rewoken: 0 };
    for (;;) {
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT ${BATCH}`,
        [this.clock.now()],
      );
      for (const step of due) {
        const outcome = await this.delivery.deliver(step.id);
        if (outcome.outcome === 'delivered') report.deliveredLate += 1;
      }
      if (due.length < BATCH) break;
    }
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const future: { id: string; taskId: string; stepKey: string; deadlineVersion: number; dueAt: Date }[] =
        await this.dataSource.query(
          `SELECT id, task_id AS "taskId", step_key AS "stepKey", deadline_version AS "deadlineVersion", due_at AS "dueAt"
         FROM scheduled_steps WHERE state = 'pending' AND id > $1 AND ($2::timestamptz IS NULL OR due_at <= $2) ORDER BY id LIMIT ${BATCH * 10}`,
          [after, horizonMs === undefined ? null : new Date(this.clock.now().getTime() + horizonMs)],
        );
      if (future.length === 0) break;
      report.rewoken += await this.queue.wakeMissing(future.map(toWakeUp));
      after = future[future.length - 1].id;
    }
    if (report.deliveredLate > 0)
      this.logger.warn(`delivered ${report.deliveredLate} step(s) that came due while no job existed`);
    return report;
  }
}
