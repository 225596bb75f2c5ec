import { Logger } from '@nestjs/common';

/** A report to generate; `attempts` so far makes the job id, so a report asked for again after failing gets a new job. */
export interface QueuedReport {
  id: string;
  attempts: number;
}

/**
 * The port through which a requested report reaches a worker. The BullMQ adapter implements it;
 * a request whose job is lost stays `queued` in PostgreSQL and the worker re-queues it at start.
 */
export abstract class ReportQueue {
  private readonly logger = new Logger('ReportQueue');

  abstract enqueue(reports: QueuedReport[]): Promise<void>;

  /** For a request already committed: a queue that is away must not fail it. */
  async enqueueAfterCommit(reports: QueuedReport[]): Promise<void> {
    if (reports.length === 0) return;
    try {
      await this.enqueue(reports);
    } catch (error) {
      this.logger.warn(
        `queue unavailable (${error instanceof Error ? error.message : String(error)}): ${reports.length} report(s) wait for the worker's start-up check`,
      );
    }
  }
}
