import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, loadConfig } from '@app/common';
import { NotificationsModule, WebhookWorkerModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportWorkerModule } from '@app/reporting';
import { TaskEscalationModule } from '@app/workflow';
import { SchedulingModule, StepWorkerModule } from '@app/scheduling';
import { CalendarModule } from '@app/calendar';
import { QueuesModule } from '@app/queues';
import { WorkerMetricsServer } from './metrics-server';

/** The queue worker process: delivers ladder steps and webhooks, reconciles both with PostgreSQL, and makes the quarterly reports. Run as many as you like. */
@Module({
  imports: [
    ConfigModule,
    // JSON log lines, as the API writes them (one per delivered step batch and per report).
    LoggerModule.forRoot({ pinoHttp: { level: loadConfig().LOG_LEVEL } }),
    PersistenceModule.forRoot(),
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    NotificationsModule,
    StepWorkerModule,
    WebhookWorkerModule,
    ReportWorkerModule,
  ],
  providers: [WorkerMetricsServer],
})
export class WorkerModule {}
