import { CalendarDayKind } from './calendar-day';
import { daysInYear } from './calendar-position';
import { formatDate } from './working-calendar';

const DAY_MS = 86_400_000;

/**
 * One year's working days, computed once: counting or stepping over any number of days in the
 * year is then a lookup instead of a walk.
 */
export class YearTable {
  /** The year's dates as YYYY-MM-DD, index 0 = 1 January. */
  readonly dates: readonly string[];
  /** Whether the day at each index is a working day. */
  readonly working: Uint8Array;
  /** Working days from 1 January up to and including each index. */
  readonly workingThrough: Uint16Array;
  /** The indices of the working days, in order. */
  readonly workingIndices: Uint16Array;

  constructor(
    readonly year: number,
    kindOf: (date: string) => CalendarDayKind | undefined,
  ) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year out of range: ${year}`);
    const length = daysInYear(year);
    const januaryFirst = new Date(0);
    januaryFirst.setUTCFullYear(year, 0, 1);
    const firstWeekday = januaryFirst.getUTCDay();
    const dates: string[] = [];
    this.working = new Uint8Array(length);
    this.workingThrough = new Uint16Array(length);
    const indices: number[] = [];
    for (let index = 0; index < length; index += 1) {
      const date = formatDate(new Date(januaryFirst.getTime() + index * DAY_MS));
      dates.push(date);
      const weekday = (firstWeekday + index) % 7;
      const kind = kindOf(date);
      const isWorking = kind === 'workday' || (kind !== 'holiday' && weekday !== 0 && weekday !== 6);
      if (isWorking) {
        this.working[index] = 1;
        indices.push(index);
      }
      this.workingThrough[index] = indices.length;
    }
    this.dates = dates;
    this.workingIndices = Uint16Array.from(indices);
  }

  get workingDayCount(): number {
    return this.workingIndices.length;
  }

  /** Working days in the year strictly before `index`. */
  workingBefore(index: number): number {
    return index > 0 ? this.workingThrough[index - 1] : 0;
  }
}
