import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/common';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportQueueModule, ReportWorkerModule } from '@app/reporting';
import { WebhookQueueModule, WebhookWorkerModule } from '@app/notifications';
import { SchedulingModule, StepQueueModule, StepWorkerModule } from '@app/scheduling';

/** The queue worker process: delivers ladder steps and webhooks, reconciles both with PostgreSQL, and makes the quarterly reports. Run as many as you like. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    SchedulingModule,
    StepQueueModule,
    WebhookQueueModule,
    NotificationsModule,
    StepWorkerModule,
    WebhookWorkerModule,
    ReportQueueModule,
    ReportWorkerModule,
  ],
})
export class WorkerModule {}
