/**
 * Working-day arithmetic on calendar dates (YYYY-MM-DD, Asia/Shanghai). Every deadline computation
 * goes through this interface; the official holiday calendar implements it too.
 */
export abstract class WorkingCalendar {
  abstract isWorkingDay(date: string): boolean;
  /** The date `days` working days after `date` (`date` itself not counted); negative goes back. */
  abstract addWorkingDays(date: string, days: number): string;
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  abstract workingDaysBetween(from: string, to: string): number;

  /** Whether a date's year has no published holiday calendar yet, so deadlines there may move. */
  isProvisional(_date: string): boolean {
    return false;
  }
}

const DAY_MS = 86_400_000;

export function parseDate(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    throw new Error(`not a calendar date: ${date}`);
  return parsed;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return formatDate(new Date(parseDate(date).getTime() + days * DAY_MS));
}

/** Shared stepping for any rule of which days are working days. */
export abstract class SteppingCalendar extends WorkingCalendar {
  abstract isWorkingDay(date: string): boolean;

  addWorkingDays(date: string, days: number): string {
    const step = days < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(days); remaining > 0;) {
      current = addCalendarDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) {
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }
}

/** Monday to Friday: the simple rule, until the official calendar is plugged in. */
export class WeekdayCalendar extends SteppingCalendar {
  isWorkingDay(date: string): boolean {
    const weekday = parseDate(date).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}
