import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, REPORT_RECURRING_JOBS } from '@app/scheduling';
import { ReportingModule } from '../reporting.module';
import { ReportsService } from '../reports.service';
import { ReportProcessor } from './report.processor';

/** The report processor of the worker process. At start it declares the daily bulletin check and re-queues waiting requests. */
@Module({ imports: [ReportingModule], providers: [ReportProcessor] })
export class ReportWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReportWorker');

  constructor(
    private readonly reports: ReportsService,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const job of REPORT_RECURRING_JOBS) await this.queue.upsertJobScheduler(job.schedulerId, { pattern: job.pattern, tz: job.tz }, { name: job.name, data: {} });
    this.logger.log(`re-queued ${await this.reports.requeueWaiting()} waiting report request(s)`);
  }
}
