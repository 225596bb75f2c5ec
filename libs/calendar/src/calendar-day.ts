import { parseDate } from './working-calendar';

export type CalendarDayKind = 'holiday' | 'workday';

/**
 * One day of the official calendar that differs from the plain Monday–Friday rule: a public holiday
 * (放假) or a weekend day made a working day (调休上班). `note` says where it comes from.
 */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  note?: string;
}

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

export function isCalendarDayKind(value: unknown): value is CalendarDayKind {
  return value === 'holiday' || value === 'workday';
}

/** Checks dates and kinds and refuses a date listed twice, naming the entry at fault. */
export function checkCalendarDays(days: readonly CalendarDay[], source: string): void {
  const seen = new Map<string, number>();
  days.forEach((day, index) => {
    const entry = `${source}: entry ${index} (${String(day.date)})`;
    try {
      parseDate(day.date);
    } catch (error) {
      throw new Error(`${entry}: ${(error as Error).message}`, { cause: error });
    }
    if (!isCalendarDayKind(day.kind))
      throw new Error(`${entry}: kind must be one of ${CALENDAR_DAY_KINDS.join(', ')}, not ${String(day.kind)}`);
    const earlier = seen.get(day.date);
    if (earlier !== undefined) throw new Error(`${entry}: the date is already listed in entry ${earlier}`);
    seen.set(day.date, index);
  });
}

/** The year of a YYYY-MM-DD date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
