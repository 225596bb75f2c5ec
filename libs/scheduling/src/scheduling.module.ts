import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@app/documents';
import { MetricsModule } from '@app/metrics';
import { ScheduledStepEntity } from './steps/scheduled-step.entity';
import { Global, Module } from '@nestjs/common';
import { CalendarDaysService } from './steps/calendar-days.service';
import { DocumentLadderService } from './steps/document-ladder.service';
import { LadderSettings } from './steps/ladder-settings';
import { StepDeliveryService } from './steps/step-delivery.service';
import { StepPlanner } from './steps/step-planner.service';
import { StepReconciler } from './steps/step-reconciler.service';
import { StepMetricsSource } from './steps/step-metrics.source';

const PROVIDERS = [
  LadderSettings,
  StepPlanner,
  StepDeliveryService,
  StepReconciler,
  CalendarDaysService,
  DocumentLadderService,
];

/** The reminder ladder's steps. Needs CalendarModule, QueuesModule and NotificationsModule. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ScheduledStepEntity]), DocumentsModule, MetricsModule],
  providers: [...PROVIDERS, StepMetricsSource],
  exports: PROVIDERS,
})
export class SchedulingModule {}
