import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { QUEUES, type JobPayloads } from '@app/queues';
import { QuarterlySchedule, type ScheduleOutcome } from '../quarterly-schedule.service';
import { ReportGenerator } from '../report-generator.service';

type ReportJobName = 'report.generate' | 'reports.schedule';

/** One report at a time per worker: making the files is CPU work, and the steps queue must not wait for it. */
@Processor(QUEUES.reports, { concurrency: 1 })
export class ReportProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    private readonly generator: ReportGenerator,
    private readonly schedule: QuarterlySchedule,
  ) {
    super();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`queue worker error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`report job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }

  /** The job's return value stays in Redis, so it says what happened, not the figures. */
  async process(
    job: Job<JobPayloads[ReportJobName], unknown, ReportJobName>,
  ): Promise<ScheduleOutcome | { outcome: string }> {
    if (job.name === 'reports.schedule') return this.schedule.run();
    const { reportId } = job.data as JobPayloads['report.generate'];
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const generated = await this.generator.generate(reportId, lastAttempt);
    if (generated.outcome === 'generated') this.logger.log(`report ${reportId} generated`);
    return { outcome: generated.outcome };
  }
}
