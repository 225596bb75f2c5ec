import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportEntity } from './report.entity';
import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { QuarterlySchedule } from './quarterly-schedule.service';
import { ReportGenerator } from './report-generator.service';
import { ReportInputsLoader } from './report-inputs.loader';
import { ReportsService } from './reports.service';
import { BulletinSettingsService } from './bulletin-settings.service';
import { LedgerService } from './ledger.service';

const SERVICES = [
  BulletinSettingsService,
  LedgerService,
  ReportInputsLoader,
  ReportsService,
  ReportGenerator,
  QuarterlySchedule,
];

/** The quarterly report. Needs PersistenceModule, CalendarModule, QueuesModule, SchedulingModule and NotificationsModule. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), MetricsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportingModule {}
