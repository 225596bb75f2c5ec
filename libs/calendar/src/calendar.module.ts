import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarDayEntity } from './calendar-day.entity';
import { CalendarDaysStore } from './calendar-days.store';
import { Global, Logger, Module } from '@nestjs/common';
import { readCalendarOverrides } from './calendar-data';
import { OfficialCalendar } from './official-calendar';
import { WorkingCalendar } from './working-calendar';

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

/** The working-day calendar every deadline is computed with, and the days admins add to it. Needs PersistenceModule. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDayEntity])],
  providers: [{ provide: WorkingCalendar, useFactory: officialCalendar }, CalendarDaysStore],
  exports: [WorkingCalendar, CalendarDaysStore],
})
export class CalendarModule {}
