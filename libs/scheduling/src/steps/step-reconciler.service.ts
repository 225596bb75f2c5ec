import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { JobQueue } from '@app/queues';
import { StepDeliveryService } from './step-delivery.service';
import { momentWakeUp } from './step-planner.service';

/** Moments checked against the queue per round trip. */
const MOMENTS_PER_CHECK = 5000;

export interface ReconcileReport {
  /** Steps that came due while no job woke them, delivered now (marked late). */
  deliveredLate: number;
  /** Future moments whose wake-up was missing, handed to the queue again. */
  rewoken: number;
}

/**
 * Repairs what the queue lost: PostgreSQL says which steps are pending; any that came due are
 * delivered now, once, marked late (in batches, as a wake-up would); every future moment whose
 * wake-up is missing gets it again. It reads the distinct moments of the pending steps (one scan
 * of the pending steps' index), never the steps one by one. Safe to run any number of times, in
 * any number of workers.
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
   * `horizonMs`: re-queue only moments within this time (the periodic run: a wake-up lost far ahead
   * is rebuilt when it comes near); without it, every future moment (at worker start).
   */
  async reconcile(horizonMs?: number): Promise<ReconcileReport> {
    const { delivered } = await this.delivery.deliverDue();
    const report: ReconcileReport = { deliveredLate: delivered, rewoken: 0 };
    const now = this.clock.now();
    const moments: { at: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT due_at AS at FROM scheduled_steps WHERE state = 'pending' AND due_at > $1
         AND ($2::timestamptz IS NULL OR due_at <= $2) ORDER BY due_at`,
      [now, horizonMs === undefined ? null : new Date(now.getTime() + horizonMs)],
    );
    for (let start = 0; start < moments.length; start += MOMENTS_PER_CHECK) {
      const wakeUps = moments.slice(start, start + MOMENTS_PER_CHECK).map((moment) => momentWakeUp(moment.at));
      report.rewoken += await this.queue.wakeMissing(wakeUps);
    }
    if (report.deliveredLate > 0)
      this.logger.warn(`delivered ${report.deliveredLate} step(s) that came due while no job existed`);
    return report;
  }
}
