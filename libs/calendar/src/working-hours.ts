import { shanghaiDate } from '@app/common';
import { parseDate, WorkingCalendar } from './working-calendar';

/** Office hours in Asia/Shanghai (UTC+8, no daylight saving), 'HH:MM'; `end` is the first minute off. */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({ start: '08:30', end: '18:00' });

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 00:00 to 23:59, two digits each. */
export function isClockTime(text: string): boolean {
  return TIME_PATTERN.test(text);
}

/** The instant at `time` ('HH:MM') on `date` (YYYY-MM-DD), both in Asia/Shanghai. */
export function atShanghaiTime(date: string, time: string): Date {
  parseDate(date);
  if (!TIME_PATTERN.test(time)) throw new Error(`not an HH:MM time: ${time}`);
  return new Date(`${date}T${time}:00+08:00`);
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiDate(instant);
}

export function checkWorkingHours(hours: WorkingHours): void {
  for (const time of [hours.start, hours.end]) {
    if (!TIME_PATTERN.test(time)) throw new Error(`working hours: not an HH:MM time: ${time}`);
  }
  if (hours.start >= hours.end) throw new Error(`working hours: start ${hours.start} is not before end ${hours.end}`);
}

export function startOfWorkingDay(date: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  checkWorkingHours(hours);
  return atShanghaiTime(date, hours.start);
}

/** The end of the working day: the first instant outside working hours. */
export function endOfWorkingDay(date: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  checkWorkingHours(hours);
  return atShanghaiTime(date, hours.end);
}

/**
 * `instant` itself when it falls on a working day within working hours (start included, end
 * excluded), else the start of the next working period: the quiet-hours rule for external channels.
 */
export function nextWorkingMoment(
  instant: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): Date {
  if (Number.isNaN(instant.getTime())) throw new Error('not a valid instant');
  const date = shanghaiDateOf(instant);
  if (calendar.isWorkingDay(date)) {
    const start = startOfWorkingDay(date, hours);
    if (instant.getTime() < start.getTime()) return start;
    if (instant.getTime() < endOfWorkingDay(date, hours).getTime()) return new Date(instant.getTime());
  }
  return startOfWorkingDay(calendar.addWorkingDays(date, 1), hours);
}
