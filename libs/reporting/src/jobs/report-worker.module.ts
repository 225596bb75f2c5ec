import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, RecurringJobKeeper } from '@app/queues';
import { ReportingModule } from '../reporting.module';
import { ReportsService } from '../reports.service';
import { ReportProcessor } from './report.processor';

/** The report processor of the worker process. At start it declares the daily bulletin check and re-queues waiting requests. */
@Module({ imports: [ReportingModule], providers: [ReportProcessor, RecurringJobKeeper] })
export class ReportWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReportWorker');

  constructor(
    private readonly reports: ReportsService,
    private readonly recurring: RecurringJobKeeper,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recurring.keep(this.queue);
    this.logger.log(`re-queued ${await this.reports.requeueWaiting()} waiting report request(s)`);
  }
}
