import { CalendarDay, CalendarDayKind, checkCalendarDays, yearOf } from './calendar-day';
import { CalendarPosition, daysInYear, isAfter, nextPosition, positionOf, previousPosition } from './calendar-position';
import { readPackageCalendarDays } from './package-calendar';
import { YearTable } from './year-table';
import { SteppingCalendar } from './working-calendar';

export interface OfficialCalendarOptions {
  /** The published days (from the `chinese-days` data); every year they touch counts as known. */
  published: readonly CalendarDay[];
  /** Days added or corrected by hand; they win over `published`, and their years count as known. */
  overrides?: readonly CalendarDay[];
  /** Called once per year the calendar has no data for, the first time it falls back to Monday–Friday. */
  onUnknownYear: (year: number) => void;
}

/**
 * The official working-day calendar (Asia/Shanghai): a make-up workday (调休上班) is a working day,
 * else a public holiday is not, else Monday–Friday are. Years nobody has data for fall back to
 * Monday–Friday: the deadlines counted there are provisional until the year's notice is published.
 *
 * Each year's working days are computed once, so `addWorkingDays` and `workingDaysBetween` cost a
 * lookup per year crossed rather than a step per day; their results are those of `SteppingCalendar`.
 */
export class OfficialCalendar extends SteppingCalendar {
  private readonly kinds = new Map<string, CalendarDayKind>();
  private readonly known = new Set<number>();
  private readonly tables = new Map<number, YearTable>();
  private readonly fellBack = new Set<number>();
  private readonly onUnknownYear: (year: number) => void;

  /** The calendar from the installed `chinese-days` data plus `overrides`. */
  static create(options: Omit<OfficialCalendarOptions, 'published'>): OfficialCalendar {
    return new OfficialCalendar({ ...options, published: readPackageCalendarDays() });
  }

  constructor({ published, overrides = [], onUnknownYear }: OfficialCalendarOptions) {
    super();
    checkCalendarDays(published, 'published calendar');
    checkCalendarDays(overrides, 'calendar overrides');
    for (const day of [...published, ...overrides]) {
      this.kinds.set(day.date, day.kind);
      this.known.add(yearOf(day.date));
    }
    this.onUnknownYear = onUnknownYear;
  }

  /**
   * Adds or corrects days while running (an admin entering a newly published notice): their years
   * count as known from now on and are computed afresh.
   */
  addDays(days: readonly CalendarDay[]): void {
    checkCalendarDays(days, 'added calendar days');
    for (const day of days) {
      const year = yearOf(day.date);
      this.kinds.set(day.date, day.kind);
      this.known.add(year);
      this.tables.delete(year);
      this.fellBack.delete(year);
    }
  }

  knownYears(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  isKnownYear(year: number): boolean {
    return this.known.has(year);
  }

  /** Years that fell back to Monday–Friday so far (for the health output). */
  unknownYearsUsed(): number[] {
    return [...this.fellBack].sort((a, b) => a - b);
  }

  /** Whether `date` lies in a year with no published calendar: a deadline there may still move. */
  isProvisional(date: string): boolean {
    return !this.known.has(positionOf(date).year);
  }

  isWorkingDay(date: string): boolean {
    const { year, index } = positionOf(date);
    return this.table(year).working[index] === 1;
  }

  addWorkingDays(date: string, days: number): string {
    const start = positionOf(date);
    if (!Number.isInteger(days)) throw new Error(`not a whole number of working days: ${days}`);
    return days >= 0 ? this.forward(date, start, days) : this.backward(start, -days);
  }

  workingDaysBetween(from: string, to: string): number {
    const start = positionOf(from);
    const end = positionOf(to);
    if (isAfter(start, end)) {
      const count = this.countAfter(end, start);
      return count === 0 ? 0 : -count;
    }
    return this.countAfter(start, end);
  }

  /** The `days`-th working day after `start`; `start` itself when `days` is 0. */
  private forward(date: string, start: CalendarPosition, days: number): string {
    if (days === 0) return date;
    let { year, index } = nextPosition(start);
    for (let remaining = days; ;) {
      const table = this.table(year);
      const before = table.workingBefore(index);
      const available = table.workingDayCount - before;
      if (remaining <= available) return table.dates[table.workingIndices[before + remaining - 1]];
      remaining -= available;
      year += 1;
      index = 0;
    }
  }

  /** The `days`-th working day before `start` (`days` > 0). */
  private backward(start: CalendarPosition, days: number): string {
    let { year, index } = previousPosition(start);
    for (let remaining = days; ;) {
      const table = this.table(year);
      const upTo = table.workingThrough[index];
      if (remaining <= upTo) return table.dates[table.workingIndices[upTo - remaining]];
      remaining -= upTo;
      year -= 1;
      index = daysInYear(year) - 1;
    }
  }

  /** Working days after `start` up to and including `end` (`end` not before `start`). */
  private countAfter(start: CalendarPosition, end: CalendarPosition): number {
    if (!isAfter(end, start)) return 0;
    let { year, index } = nextPosition(start);
    let count = 0;
    for (; year < end.year; year += 1, index = 0) {
      const table = this.table(year);
      count += table.workingDayCount - table.workingBefore(index);
    }
    const last = this.table(end.year);
    return count + last.workingThrough[end.index] - last.workingBefore(index);
  }

  private table(year: number): YearTable {
    let table = this.tables.get(year);
    if (table === undefined) {
      table = new YearTable(year, (date) => this.kinds.get(date));
      this.tables.set(year, table);
      if (!this.known.has(year)) {
        this.fellBack.add(year);
        this.onUnknownYear(year);
      }
    }
    return table;
  }
}
