import { readFileSync } from 'node:fs';
import { CalendarDay, checkCalendarDays } from './calendar-day';

/** The npm package whose data gives the published calendar (State Council notices, 2004 onwards). */
export const CALENDAR_PACKAGE = 'chinese-days';

export function packageCalendarFile(): string {
  return require.resolve(`${CALENDAR_PACKAGE}/dist/chinese-days.json`);
}

/**
 * The package's published days as calendar days: its `workdays` (调休上班) as workdays, its
 * `holidays` (including `inLieuDays`, which it also lists there) as holidays. Only the data is used,
 * never the package's functions, which guess for years it has no data for.
 */
export function readPackageCalendarDays(file: string = packageCalendarFile()): CalendarDay[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the ${CALENDAR_PACKAGE} data: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const holidays = dateRecord(data, 'holidays', file);
  const workdays = dateRecord(data, 'workdays', file);
  const days: CalendarDay[] = [];
  for (const [date, name] of Object.entries(workdays))
    days.push({ date, kind: 'workday', note: `${CALENDAR_PACKAGE}: ${name}` });
  for (const [date, name] of Object.entries(holidays)) {
    if (!(date in workdays)) days.push({ date, kind: 'holiday', note: `${CALENDAR_PACKAGE}: ${name}` });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  checkCalendarDays(days, file);
  return days;
}

function dateRecord(data: unknown, key: string, file: string): Record<string, string> {
  const record: unknown =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new Error(`${file}: "${key}" is not an object of dates`);
  const result: Record<string, string> = {};
  for (const [date, name] of Object.entries(record)) {
    if (typeof name !== 'string') throw new Error(`${file}: ${key}["${date}"] is not a string`);
    result[date] = name;
  }
  return result;
}
