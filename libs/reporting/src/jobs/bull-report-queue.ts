import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue, type BackoffOptions } from 'bullmq';
import { QUEUE_JOB_OPTIONS, QUEUES, type JobPayloads } from '@app/queues';
import { ReportQueue, type QueuedReport } from '../report-queue';

/** Retries per report job; the defaults come from the registry, a test may provide others. */
export class ReportJobOptions {
  attempts: number = QUEUE_JOB_OPTIONS.reports.attempts ?? 3;
  backoff: BackoffOptions = { type: 'exponential', delay: 10_000 };
}

@Injectable()
export class BullReportQueue extends ReportQueue {
  constructor(
    @InjectQueue(QUEUES.reports) private readonly queue: Queue<JobPayloads['report.generate']>,
    private readonly options: ReportJobOptions,
  ) {
    super();
  }

  async enqueue(reports: QueuedReport[]): Promise<void> {
    if (reports.length === 0) return;
    await this.queue.addBulk(
      reports.map((report) => ({
        name: 'report.generate',
        data: { reportId: report.id },
        opts: {
          jobId: `report:${report.id}:a${report.attempts}`,
          attempts: this.options.attempts,
          backoff: this.options.backoff,
        },
      })),
    );
  }
}
