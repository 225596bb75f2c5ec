import { Module } from '@nestjs/common';
import { ReportingModule } from '../reporting.module';
import { ReportProcessor } from './report.processor';

/** The report processor of the worker process; at start it re-queues waiting requests. */
@Module({ imports: [ReportingModule], providers: [ReportProcessor] })
export class ReportWorkerModule {}
