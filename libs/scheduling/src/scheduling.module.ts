import { Global, Logger, Module } from '@nestjs/common';
import { OfficialCalendar, readCalendarOverrides, WorkingCalendar } from '@app/calendar';
import { CalendarDaysService } from './steps/calendar-days.service';
import { DocumentLadderService } from './steps/document-ladder.service';
import { LadderSettings } from './steps/ladder-settings';
import { StepDeliveryService } from './steps/step-delivery.service';
import { StepPlanner } from './steps/step-planner.service';
import { StepReconciler } from './steps/step-reconciler.service';

const PROVIDERS = [
  LadderSettings,
  StepPlanner,
  StepDeliveryService,
  StepReconciler,
  CalendarDaysService,
  DocumentLadderService,
];

/** The official calendar: the package's published years, corrected and extended by seeds/calendar.json. */
function officialCalendar(): OfficialCalendar {
  const logger = new Logger('Calendar');
  return OfficialCalendar.create({
    overrides: readCalendarOverrides(),
    onUnknownYear: (year) =>
      logger.warn(
        `no official holiday calendar for ${year}: counting Monday to Friday, deadlines in ${year} are provisional`,
      ),
  });
}

/** The working-day calendar every deadline is computed with, and the reminder ladder's steps. Needs a StepQueue (StepQueueModule). */
@Global()
@Module({
  providers: [{ provide: WorkingCalendar, useFactory: officialCalendar }, ...PROVIDERS],
  exports: [WorkingCalendar, ...PROVIDERS],
})
export class SchedulingModule {}
