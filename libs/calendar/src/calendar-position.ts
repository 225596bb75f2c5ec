import { parseDate } from './working-calendar';

/** A date as its year and its index in that year (0 = 1 January), found without building a Date. */
export interface CalendarPosition {
  year: number;
  index: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The position of a YYYY-MM-DD date; a malformed or impossible date throws `parseDate`'s error. */
export function positionOf(date: string): CalendarPosition {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1) {
      const leapDay = month === 2 && isLeapYear(year) ? 1 : 0;
      if (day <= DAYS_IN_MONTH[month - 1] + leapDay) {
        const afterFebruary = month > 2 && isLeapYear(year) ? 1 : 0;
        return { year, index: DAYS_BEFORE_MONTH[month - 1] + afterFebruary + day - 1 };
      }
    }
  }
  parseDate(date);
  throw new Error(`not a calendar date: ${date}`);
}

export function nextPosition({ year, index }: CalendarPosition): CalendarPosition {
  return index + 1 < daysInYear(year) ? { year, index: index + 1 } : { year: year + 1, index: 0 };
}

export function previousPosition({ year, index }: CalendarPosition): CalendarPosition {
  return index > 0 ? { year, index: index - 1 } : { year: year - 1, index: daysInYear(year - 1) - 1 };
}

/** Whether position `a` comes after position `b`. */
export function isAfter(a: CalendarPosition, b: CalendarPosition): boolean {
  return a.year !== b.year ? a.year > b.year : a.index > b.index;
}
