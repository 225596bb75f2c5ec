import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QUEUE_JOB_OPTIONS, QUEUES } from '@app/queues';
import { ReportQueue } from '../report-queue';
import { BullReportQueue, ReportJobOptions } from './bull-report-queue';

/** The reports queue and the ReportQueue port on it. Uses the BullMQ connection of StepQueueModule (import both). */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.reports, defaultJobOptions: QUEUE_JOB_OPTIONS.reports })],
  providers: [
    { provide: ReportJobOptions, useValue: new ReportJobOptions() },
    { provide: ReportQueue, useClass: BullReportQueue },
  ],
  exports: [ReportQueue, ReportJobOptions, BullModule],
})
export class ReportQueueModule {}
