import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ConfigModule } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportingModule, ReportQueueModule } from '@app/reporting';
import { WebhookQueueModule } from '@app/notifications';
import { SchedulingModule, StepQueueModule } from '@app/scheduling';
import { UnitsModule } from '@app/units';
import { WorkflowModule } from '@app/workflow';

/** What the database-backed commands need: no HTTP, no queues. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    SchedulingModule,
    StepQueueModule,
    WebhookQueueModule,
    NotificationsModule,
    UnitsModule,
    DocumentsModule,
    AccessModule,
    WorkflowModule,
    ReportQueueModule,
    ReportingModule,
  ],
})
export class CliModule {}
