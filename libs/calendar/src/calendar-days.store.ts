import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { checkCalendarDays, type CalendarDay } from './calendar-day';
import { OfficialCalendar } from './official-calendar';
import { WorkingCalendar } from './working-calendar';

/**
 * Calendar days entered by an admin (a newly published holiday notice, a correction), kept in
 * PostgreSQL. Every process loads them at start and again when they change.
 */
@Injectable()
export class CalendarDaysStore implements OnModuleInit {
  private signature = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refreshIfChanged();
  }

  /** One small query: reloads the days when another process added some since. */
  async refreshIfChanged(): Promise<void> {
    const [{ signature }] = await this.dataSource.query(
      `SELECT count(*) || ':' || COALESCE(max(created_at)::text, '') AS signature FROM calendar_days`,
    );
    if (signature === this.signature) return;
    this.official().addDays(await this.stored());
    this.signature = signature;
  }

  async stored(): Promise<CalendarDay[]> {
    return this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM calendar_days ORDER BY date`,
    );
  }

  /** Checks and stores the days (a day entered again is corrected); returns the years they touch. */
  async add(days: CalendarDay[], enteredBy: string): Promise<number[]> {
    try {
      checkCalendarDays(days, 'days');
    } catch (error) {
      throw new DomainError(
        'invalid',
        'INVALID_CALENDAR_DAYS',
        `日历数据有误：${error instanceof Error ? error.message : String(error)}`,
        { field: 'days' },
      );
    }
    await this.dataSource.query(
      `INSERT INTO calendar_days (date, kind, note, created_by, created_at) SELECT date, kind, note, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS d(date date, kind text, note text)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at`,
      [JSON.stringify(days), enteredBy, this.clock.now()],
    );
    await this.refreshIfChanged();
    return [...new Set(days.map((day) => Number(day.date.slice(0, 4))))];
  }

  private official(): OfficialCalendar {
    if (!(this.calendar instanceof OfficialCalendar)) throw new Error('calendar days need the official calendar');
    return this.calendar;
  }
}
