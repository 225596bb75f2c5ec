import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule, WebhooksModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { ReportingModule } from '@app/reporting';
import { SchedulingModule } from '@app/scheduling';
import { UnitsModule } from '@app/units';
import { TaskEscalationModule, WorkflowModule } from '@app/workflow';
import { AttachmentsController } from './workflow/attachments.controller';
import { CalendarController } from './admin/calendar.controller';
import { QueueBoardModule } from './admin/queue-board.module';
import { UsersController } from './admin/users.controller';
import { AuthModule } from './auth/auth.module';
import { DocumentsController } from './documents/documents.controller';
import { LadderController } from './documents/ladder.controller';
import { MetricsController } from './metrics/metrics.controller';
import { HealthModule } from './health/health.module';
import { WebhooksController } from './notifications/webhooks.controller';
import { ChannelAddressesController } from './notifications/channel-addresses.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { loggerOptions } from './http/logger-options';
import { UnitsController } from './units/units.controller';
import { ProgressController } from './workflow/progress.controller';
import { ReportsController } from './reports/reports.controller';
import { BulletinSettingsController } from './reports/bulletin-settings.controller';
import { LedgerController } from './reports/ledger.controller';
import { WorkflowController } from './workflow/workflow.controller';
import { BoardController } from './workflow/board.controller';
import { NoticesController } from './notifications/notices.controller';
import { AccessModule } from '@app/access';
import { CalendarModule } from '@app/calendar';
import { QueuesModule } from '@app/queues';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRoot(loggerOptions()),
    PersistenceModule.forRoot(),
    AuthModule,
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    WebhooksModule,
    UnitsModule,
    DocumentsModule,
    WorkflowModule,
    AccessModule,
    NotificationsModule,
    ReportingModule,
    HealthModule,
    QueueBoardModule,
  ],
  controllers: [
    CalendarController,
    DocumentsController,
    LadderController,
    UnitsController,
    WorkflowController,
    ProgressController,
    NoticesController,
    BoardController,
    AttachmentsController,
    WebhooksController,
    ChannelAddressesController,
    ReportsController,
    BulletinSettingsController,
    LedgerController,
    MetricsController,
    UsersController,
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
export class AppModule {}
