import { Global, Module } from '@nestjs/common';
import { WeekdayCalendar, WorkingCalendar } from './calendar/working-calendar';

/** The working-day calendar every deadline is computed with. */
@Global()
@Module({ providers: [{ provide: WorkingCalendar, useClass: WeekdayCalendar }], exports: [WorkingCalendar] })
export class SchedulingModule {}
