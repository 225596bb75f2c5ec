import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { isFinalAttempt, JobProcessor, QUEUES, type JobHandlers } from '@app/queues';
import { QuarterlySchedule } from '../quarterly-schedule.service';
import { ReportGenerator } from '../report-generator.service';
import { ReportsService } from '../reports.service';

/** One report at a time per worker: making the files is CPU work, and the steps queue must not wait for it. */
@Processor(QUEUES.reports, { concurrency: 1 })
export class ReportProcessor extends JobProcessor<typeof QUEUES.reports> {
  readonly queueName = QUEUES.reports;
  /** The job's return value stays in Redis, so it says what happened, not the figures. */
  readonly handlers: JobHandlers<typeof QUEUES.reports> = {
    'report.generate': async (job) => {
      const { reportId } = job.data;
      const generated = await this.generator.generate(reportId, isFinalAttempt(job));
      return { outcome: generated.outcome };
    },
    'reports.schedule': () => this.schedule.run(),
  };

  constructor(
    private readonly generator: ReportGenerator,
    private readonly schedule: QuarterlySchedule,
    private readonly reports: ReportsService,
  ) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`report job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }

  async onWorkerStart(): Promise<void> {
    this.logger.log(`re-queued ${await this.reports.requeueWaiting()} waiting report request(s)`);
  }
}
