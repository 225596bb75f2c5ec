import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ConfigModule } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportingModule } from '@app/reporting';
import { SchedulingModule } from '@app/scheduling';
import { UnitsModule } from '@app/units';
import { TaskEscalationModule, WorkflowModule } from '@app/workflow';
import { CalendarModule } from '@app/calendar';
import { QueuesModule } from '@app/queues';

/** What the database-backed commands need: no HTTP, no queues. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    NotificationsModule,
    UnitsModule,
    DocumentsModule,
    AccessModule,
    WorkflowModule,
    ReportingModule,
  ],
})
export class CliModule {}
