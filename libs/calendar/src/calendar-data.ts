import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { CalendarDay, checkCalendarDays, isCalendarDayKind } from './calendar-day';

export function defaultCalendarOverridesPath(): string {
  return join(repositoryRoot(), 'seeds', 'calendar.json');
}

/** The days added or corrected by hand (`seeds/calendar.json` unless told otherwise), checked. */
export function readCalendarOverrides(path: string = defaultCalendarOverridesPath()): CalendarDay[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the calendar overrides: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseCalendarOverrides(value, path);
}

/** `{ "about"?: string, "days": CalendarDay[] }` checked entry by entry; errors name the entry. */
export function parseCalendarOverrides(value: unknown, source: string): CalendarDay[] {
  if (!isRecord(value)) throw new Error(`${source}: expected an object with a "days" list`);
  const unknownKeys = Object.keys(value).filter((key) => key !== 'about' && key !== 'days');
  if (unknownKeys.length > 0) throw new Error(`${source}: unexpected key(s) ${unknownKeys.join(', ')}`);
  if (value.about !== undefined && typeof value.about !== 'string')
    throw new Error(`${source}: "about" must be a string`);
  if (!Array.isArray(value.days)) throw new Error(`${source}: "days" must be a list`);
  const days = value.days.map((entry: unknown, index: number) => calendarDay(entry, `${source}: days[${index}]`));
  checkCalendarDays(days, `${source} days`);
  return days;
}

function calendarDay(entry: unknown, where: string): CalendarDay {
  if (!isRecord(entry)) throw new Error(`${where}: expected an object { date, kind, note? }`);
  const { date, kind, note, ...rest } = entry;
  const label = typeof date === 'string' ? `${where} (${date})` : where;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new Error(`${label}: unexpected key(s) ${extra.join(', ')}`);
  if (typeof date !== 'string') throw new Error(`${label}: "date" must be a YYYY-MM-DD string`);
  if (!isCalendarDayKind(kind))
    throw new Error(`${label}: "kind" must be "holiday" or "workday", not ${JSON.stringify(kind)}`);
  if (note !== undefined && typeof note !== 'string') throw new Error(`${label}: "note" must be a string`);
  return note === undefined ? { date, kind } : { date, kind, note };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
