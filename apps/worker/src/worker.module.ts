import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/common';
import { NotificationsModule, WebhookWorkerModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportWorkerModule } from '@app/reporting';
import { TaskEscalationModule } from '@app/workflow';
import { SchedulingModule, StepWorkerModule } from '@app/scheduling';
import { CalendarModule } from '@app/calendar';
import { QueuesModule } from '@app/queues';

/** The queue worker process: delivers ladder steps and webhooks, reconciles both with PostgreSQL, and makes the quarterly reports. Run as many as you like. */
@Module({
  imports: [
    ConfigModule,
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
})
export class WorkerModule {}
